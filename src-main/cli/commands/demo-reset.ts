// `clm demo-reset`: the Reset demo button for scripts: the running app (demo mode only) signs out
// and reloads the embedded demo from its seed, its dates counted from now (docs/seed-format.md).
import type { SessionState } from '../../../src-shared/domain/session.ts';
import { bridgeCall } from '../../seats/client.ts';
import { serverOf, serverOption, tokenOf, tokenOption } from '../../seats/cli-options.ts';
import type { Command } from '../command.ts';

export const demoResetCommand: Command = {
  name: 'demo-reset',
  summary: 'Reload the demo of the running app from its seed, dated from now (demo mode only)',
  usage: 'demo-reset --token T [--server URL] [--json]',
  options: { server: serverOption, token: tokenOption },
  async run(ctx) {
    const session = await bridgeCall<SessionState>(serverOf(ctx), tokenOf(ctx), 'demo.reset', {});
    ctx.print(
      session,
      'The demo was reloaded from its seed, dated from now. Sign in again with a demo account.',
    );
    return 0;
  },
};
