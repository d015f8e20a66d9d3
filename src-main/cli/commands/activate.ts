// `clm activate`: activates the running license server with an account (it then serves that
// account's seats), or offline (docs/activation.md): --request FILE writes the activation request
// file, --import FILE.crt imports the cloud's answer, --reset-trust forgets the pinned cloud key.
import { readFileSync, writeFileSync } from 'node:fs';
import type { ActivationRequestFile } from '../../../src-shared/bridge/calls/activation.ts';
import type { SeatServerIdentity } from '../../../src-shared/bridge/calls/seats.ts';
import { AppError } from '../../../src-shared/errors.ts';
import { MAX_DOCUMENT_BYTES } from '../../../src-shared/activation/reasons.ts';
import { bridgeCall } from '../../seats/client.ts';
import { required, serverOf, serverOption, tokenOf, tokenOption } from '../../seats/cli-options.ts';
import type { Command, CommandContext } from '../command.ts';

function password(ctx: CommandContext): string {
  if (ctx.values['password-stdin'] === true) {
    const text = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
    if (text) return text;
  }
  const env = process.env.CLM_PASSWORD;
  if (env) return env;
  throw new AppError(
    'bad_request',
    'Give the password on standard input with --password-stdin (or in CLM_PASSWORD).',
  );
}

function readCrt(file: string): string {
  const bytes = readFileSync(file);
  // An oversized file is still sent (cut), so the server names the refusal as it would any other.
  return bytes.subarray(0, MAX_DOCUMENT_BYTES + 1).toString('utf8');
}

async function offline(ctx: CommandContext, server: string, token: string): Promise<number> {
  if (typeof ctx.values.request === 'string') {
    const file = ctx.values.request;
    const name = typeof ctx.values.name === 'string' ? ctx.values.name : undefined;
    const r = await bridgeCall<ActivationRequestFile>(server, token, 'activation.request', {
      ...(name ? { name } : {}),
    });
    writeFileSync(file, r.text);
    ctx.print(
      { file, fingerprint: r.fingerprint },
      `Wrote the activation request file ${file} (machine ${r.fingerprint}). On a machine with Internet: Licensing → License Servers → Activate Workstation, then bring back the .crt and run clm activate --import FILE.crt.`,
    );
    return 0;
  }
  if (typeof ctx.values.import === 'string') {
    const id = await bridgeCall<SeatServerIdentity>(server, token, 'activation.import', {
      text: readCrt(ctx.values.import),
    });
    ctx.print(id, `Activated offline: the license server now serves the seats of ${id.account}.`);
    return 0;
  }
  const id = await bridgeCall<SeatServerIdentity>(server, token, 'activation.resetTrust', {});
  ctx.print(
    id,
    'The pinned cloud key is forgotten: the next contact with the cloud pins its current key. Activate again (clm activate) to renew the entitlement.',
  );
  return 0;
}

export const activateCommand: Command = {
  name: 'activate',
  summary: 'Activate the running license server with an account (online, or offline with a .crt)',
  usage:
    'activate --email E --password-stdin --token T [--server URL] [--json]\n' +
    '       clm activate --request FILE [--name NAME] | --import FILE.crt | --reset-trust  --token T',
  options: {
    email: { type: 'string', description: 'the account to activate with' },
    'password-stdin': { type: 'boolean', description: 'read the password from standard input' },
    request: {
      type: 'string',
      description: 'write the activation request file (offline activation)',
    },
    name: { type: 'string', description: 'the workstation name in the request file' },
    import: { type: 'string', description: "import the cloud's .crt file (offline activation)" },
    'reset-trust': {
      type: 'boolean',
      description: 'forget the pinned cloud key, to trust a cloud whose key changed on purpose',
    },
    server: serverOption,
    token: tokenOption,
  },
  async run(ctx) {
    const server = serverOf(ctx);
    if (
      typeof ctx.values.request === 'string' ||
      typeof ctx.values.import === 'string' ||
      ctx.values['reset-trust'] === true
    )
      return offline(ctx, server, tokenOf(ctx));
    const id = await bridgeCall<SeatServerIdentity>(server, tokenOf(ctx), 'seats.activate', {
      email: required(ctx, 'email'),
      password: password(ctx),
    });
    ctx.print(id, `The license server now serves the seats of ${id.account}.`);
    return 0;
  },
};
