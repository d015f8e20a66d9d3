// The license-server registry's routes (issue 12, docs/activation.md): entitlements for online
// servers, acknowledgements, the License Servers tab, moves of seats, offline workstations.
import Type from 'typebox';
import type { Static } from 'typebox';
import { Fingerprint, PublicKeyPem } from '../activation/formats.ts';
import type { OrgRouteSpec } from './org.ts';

const Time = Type.String({ description: 'ISO-8601 UTC' });
const ServerId = Type.String({ minLength: 1, maxLength: 100 });
const Document = Type.String({ minLength: 1, maxLength: 70_000 });

export const EntitlementRequestBody = Type.Object(
  {
    fingerprint: Fingerprint,
    publicKeyPem: PublicKeyPem,
    name: Type.String({ maxLength: 100 }),
    host: Type.String({ maxLength: 255 }),
    /** The entitlement the server holds now (it acknowledges it), or null. */
    holding: Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export const DocumentAnswer = Type.Object({ document: Document });
export const AckBody = Type.Object(
  { entitlementId: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
export const ServerSeat = Type.Object({
  product: Type.String(),
  name: Type.String(),
  total: Type.Integer(),
});
export const LicenseServerRow = Type.Object({
  id: ServerId,
  name: Type.String(),
  host: Type.String(),
  fingerprint: Type.String(),
  mode: Type.Union([Type.Literal('online'), Type.Literal('offline')]),
  lastContactAt: Time,
  /** Seats of its newest entitlement. */
  seats: Type.Array(ServerSeat),
  validUntil: Type.Union([Time, Type.Null()]),
});
export type LicenseServerRow = Static<typeof LicenseServerRow>;
export const LicenseServerList = Type.Array(LicenseServerRow);
export const MoveSeatsBody = Type.Object(
  {
    product: Type.String({ minLength: 1, maxLength: 100 }),
    from: ServerId,
    to: ServerId,
    count: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  },
  { additionalProperties: false },
);
export type MoveSeatsBody = Static<typeof MoveSeatsBody>;
export const WorkstationBody = Type.Object(
  {
    request: Document,
    name: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);
export const CrtBody = Type.Object({ serverId: ServerId }, { additionalProperties: false });
export const WorkstationAnswer = Type.Object({ server: LicenseServerRow, document: Document });

function route<const R extends OrgRouteSpec>(r: R): R {
  return r;
}

export const licenseServerRoutes = {
  serverEntitlement: route({
    method: 'POST',
    path: '/v1/license-servers/entitlement',
    summary: 'Register this license server (or touch it) and get its signed entitlement',
    body: EntitlementRequestBody,
    response: DocumentAnswer,
  }),
  serverAck: route({
    method: 'POST',
    path: '/v1/license-servers/ack',
    summary: 'The server installed this entitlement: its older ones no longer hold seats',
    body: AckBody,
    response: Type.Object({}),
  }),
  licenseServers: route({
    method: 'GET',
    path: '/v1/license-servers',
    summary: "The account's license servers (online and offline), with seats and validity",
    response: LicenseServerList,
  }),
  moveSeats: route({
    method: 'POST',
    path: '/v1/license-servers/move',
    summary: "Move seats of a product between two of the account's servers",
    body: MoveSeatsBody,
    response: LicenseServerList,
  }),
  activateWorkstation: route({
    method: 'POST',
    path: '/v1/license-servers/workstations',
    summary: 'Activate a workstation from its activation request file; answers its .crt',
    body: WorkstationBody,
    response: WorkstationAnswer,
  }),
  workstationCrt: route({
    method: 'POST',
    path: '/v1/license-servers/crt',
    summary: "A workstation's newest signed entitlement (its .crt file)",
    body: CrtBody,
    response: DocumentAnswer,
  }),
} as const;
export type LicenseServerRouteName = keyof typeof licenseServerRoutes;
