// Which `data.changed` tables are parts of the account's snapshot that a renderer store shows:
// not the organization's feed (`org.*`), nor `server_pool` — the seats this machine's license
// server may serve, which no store reads (the tray and the seat server read them in the core) and
// which change with every assignment in the organization.
export const isShownSnapshotPart = (table: string): boolean =>
  !table.startsWith('org.') && table !== 'server_pool';
