// The activation's bridge handlers (src-shared/bridge/calls/activation.ts) and Licensing → License
// Servers (calls/license-servers.ts): the signed-in user's session when there is one, else the
// server's own (`clm servers` on a headless node activated by its administrator).
import type { BridgeHandlers } from '../../src-shared/bridge/contract.ts';
import type { WorkstationActivated } from '../../src-shared/bridge/calls/license-servers.ts';
import type {
  LicenseServerRouteName,
  LicenseServerRow,
} from '../../src-shared/cloud-api/license-servers.ts';
import type { Core } from '../core/core.ts';
import type { ServerActivation } from './server-activation.ts';

type Names =
  | 'activation.request'
  | 'activation.import'
  | 'activation.resetTrust'
  | 'licenseServers.list'
  | 'licenseServers.move'
  | 'licenseServers.activateWorkstation'
  | 'licenseServers.crt';

export function activationBridgeHandlers(
  core: Core,
  activation: ServerActivation,
): Pick<BridgeHandlers, Names> {
  const cloud = (name: LicenseServerRouteName, body?: unknown) =>
    core.session().signedIn
      ? core.client.licenseServers(name, body)
      : activation.registry(name, body);
  return {
    'activation.request': ({ name }) => activation.request(name),
    'activation.import': ({ text }) => activation.importCrt(text),
    'activation.resetTrust': () => activation.resetTrust(),
    'licenseServers.list': async () => (await cloud('licenseServers')) as LicenseServerRow[],
    'licenseServers.move': async (body) => {
      const rows = (await cloud('moveSeats', body)) as LicenseServerRow[];
      // This machine may be one of them: it renews (and acknowledges) at once, and the list
      // read after that shows the seats where they now are.
      await activation.refresh();
      return (
        ((await cloud('licenseServers').catch(() => null)) as LicenseServerRow[] | null) ?? rows
      );
    },
    'licenseServers.activateWorkstation': async (body) =>
      (await cloud('activateWorkstation', body)) as WorkstationActivated,
    'licenseServers.crt': async (body) =>
      (await cloud('workstationCrt', body)) as { document: string },
  };
}
