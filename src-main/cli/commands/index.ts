// Every `clm` command, in the order `clm --help` lists them.
import type { Command } from '../command.ts';
import { cloudCommand } from './cloud.ts';
import { serveCommand } from './serve.ts';
import { statusCommand } from './status.ts';
import { reportCommand } from './report.ts';
import { checkoutCommand } from './checkout.ts';
import { heartbeatCommand } from './heartbeat.ts';
import { releaseCommand } from './release.ts';
import { leaseReleaseCommand } from './lease-release.ts';
import { activateCommand } from './activate.ts';
import { serversCommand } from './servers.ts';
import { borrowCommand, borrowsCommand, returnCommand } from './borrow.ts';
import { demoResetCommand } from './demo-reset.ts';
import { donglesCommand } from './dongles.ts';
import { settingsCommand } from './settings.ts';

export const commands: Command[] = [
  serveCommand,
  statusCommand,
  reportCommand,
  checkoutCommand,
  heartbeatCommand,
  releaseCommand,
  leaseReleaseCommand,
  activateCommand,
  serversCommand,
  borrowCommand,
  returnCommand,
  borrowsCommand,
  settingsCommand,
  demoResetCommand,
  donglesCommand,
  cloudCommand,
];
