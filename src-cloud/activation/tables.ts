// The license-server registry's tables (migration 005, docs/activation.md "The cloud's registry").
type Time = string;

export interface LicenseServersTable {
  id: string;
  account_id: string;
  fingerprint: string;
  public_key_pem: string;
  name: string;
  host: string;
  mode: 'online' | 'offline';
  /** Registration order within the account: the first server gets the seats not moved away. */
  position: number;
  created_at: Time;
  last_contact_at: Time;
}

export interface EntitlementsTable {
  id: string;
  server_id: string;
  /** Issue order across the cloud (times can be equal under a test's clock). */
  seq: number;
  issued_at: Time;
  valid_until: Time;
  renew_after: Time;
  /** Set when the server said it holds this one: every older one of the server is dropped then. */
  acked_at: Time | null;
  /** The signed document as issued (the .crt of an offline workstation). */
  document: string;
}

export interface EntitlementSeatsTable {
  entitlement_id: string;
  purchase_id: string;
  product_code: string;
  quantity: number;
}

/** Seats the administrator moved to a server other than the account's first (per product). */
export interface ServerAllocationsTable {
  server_id: string;
  product_code: string;
  quantity: number;
}

export interface ActivationTables {
  license_servers: LicenseServersTable;
  entitlements: EntitlementsTable;
  entitlement_seats: EntitlementSeatsTable;
  server_allocations: ServerAllocationsTable;
}
