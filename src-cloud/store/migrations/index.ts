// Every migration of the cloud store, in order. Add a new numbered module at the end; never edit old ones.
import type { Migration } from 'kysely';
import * as m001 from './001_initial.ts';
import * as m002 from './002_org_sync.ts';
import * as m003 from './003_audit_filters.ts';
import * as m004 from './004_credit_ledger.ts';
import * as m005 from './005_license_servers.ts';
import * as m006 from './006_billing.ts';
import * as m007 from './007_sign_in_throttle.ts';
import * as m008 from './008_borrows.ts';

export const migrations: Array<[name: string, migration: Migration]> = [
  ['001_initial', m001],
  ['002_org_sync', m002],
  ['003_audit_filters', m003],
  ['004_credit_ledger', m004],
  ['005_license_servers', m005],
  ['006_billing', m006],
  ['007_sign_in_throttle', m007],
  ['008_borrows', m008],
];
