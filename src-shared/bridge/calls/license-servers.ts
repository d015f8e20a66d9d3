// Licensing → License Servers (docs/requirements.md §4, issue 12): every server the account's licenses are active
// on, moves of seats between them, and offline workstations (Activate Workstation, .crt).
import type { LicenseServerRow } from '../../cloud-api/license-servers.ts';
import { MoveSeatsBody, WorkstationBody, CrtBody } from '../../cloud-api/license-servers.ts';
import { call, NoInput } from '../define.ts';

export interface WorkstationActivated {
  server: LicenseServerRow;
  /** The .crt file's text. */
  document: string;
}

export const licenseServerCalls = {
  'licenseServers.list': call<LicenseServerRow[]>()(
    NoInput,
    "The account's license servers (online and offline-activated): last contact, seats, validity",
  ),
  'licenseServers.move': call<LicenseServerRow[]>()(
    MoveSeatsBody,
    'Move seats of a product from one of the account’s servers to another',
  ),
  'licenseServers.activateWorkstation': call<WorkstationActivated>()(
    WorkstationBody,
    'Activate Workstation: upload an activation request file and name the workstation',
  ),
  'licenseServers.crt': call<{ document: string }>()(
    CrtBody,
    "A workstation's .crt file (its newest signed entitlement)",
  ),
};
