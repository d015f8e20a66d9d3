// The local SQLite replica of the signed-in account's data: every view reads from here.
import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountView, OrganizationRef } from '../../src-shared/domain/account.ts';
import type { LicenseView, ProductView } from '../../src-shared/domain/license.ts';
import { migrate } from './migrations.ts';
import type { ServerPoolEntry, Snapshot, SnapshotPart } from './snapshot.ts';
import { replicaTables, snapshotParts } from './snapshot.ts';

export const REPLICA_FILE = 'replica.sqlite';

/** Keys of the `meta` table. */
export type MetaKey =
  | 'last_sync_at'
  /** The keychain account the refresh credential is filed under (not a secret). */
  | 'credential_account'
  /** Which cloud the data came from, so a different cloud never mixes with it. */
  | 'cloud_id'
  /** This install's random client id for the cloud's mutation log (Replicache's clientID). */
  | 'client_id'
  /** The change feed's cursor: the next pull asks for changes after it. */
  | 'feed_cursor'
  /** The last mutation id handed out; ids only ever increase. */
  | 'last_mutation_id'
  /** The account's own organizational credits as the last snapshot answered them (JSON). */
  | 'my_credits';

interface AccountRow {
  id: string;
  name: string;
  email: string;
  country: string;
  customer_number: string;
}
interface OrgRow {
  id: string;
  name: string;
  role: OrganizationRef['role'];
  administrator_name: string;
  administrator_email: string;
}
interface LicenseRow {
  id: string;
  product_code: string;
  product_name: string;
  license_type: LicenseView['licenseType'];
  term: LicenseView['term'];
  quantity: number;
  expires_at: string | null;
  source: LicenseView['source'];
  in_use: number | null;
}

function prepareAll(db: Db) {
  return {
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare<[string, string]>(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ),
    deleteMeta: db.prepare<[string]>('DELETE FROM meta WHERE key = ?'),
    account: db.prepare<[], AccountRow>(
      'SELECT id, name, email, country, customer_number FROM account LIMIT 1',
    ),
    organization: db.prepare<[], OrgRow>(
      'SELECT id, name, role, administrator_name, administrator_email FROM organization LIMIT 1',
    ),
    products: db.prepare<[], { code: string; name: string; license_type: string }>(
      'SELECT code, name, license_type FROM products ORDER BY name, code',
    ),
    licenses: db.prepare<[], LicenseRow>(
      `SELECT id, product_code, product_name, license_type, term, quantity, expires_at, source, in_use
       FROM licenses ORDER BY position`,
    ),
    pool: db.prepare<
      [],
      { product_code: string; product_name: string; license_type: string; total: number }
    >(
      'SELECT product_code, product_name, license_type, total FROM server_pool ORDER BY product_code',
    ),
    insertAccount: db.prepare(
      'INSERT INTO account (id, name, email, country, customer_number) VALUES (@id, @name, @email, @country, @customerNumber)',
    ),
    insertOrg: db.prepare(
      `INSERT INTO organization (id, name, role, administrator_name, administrator_email)
       VALUES (@id, @name, @role, @administratorName, @administratorEmail)`,
    ),
    insertProduct: db.prepare(
      'INSERT INTO products (code, name, license_type) VALUES (@code, @name, @licenseType)',
    ),
    insertLicense: db.prepare(
      `INSERT INTO licenses (id, position, product_code, product_name, license_type, term, quantity, expires_at, source, in_use)
       VALUES (@id, @position, @productCode, @productName, @licenseType, @term, @quantity, @expiresAt, @source, @inUse)`,
    ),
    insertPool: db.prepare(
      `INSERT INTO server_pool (product_code, product_name, license_type, total)
       VALUES (@productCode, @productName, @licenseType, @total)`,
    ),
    clear: replicaTables.map((t) => db.prepare(`DELETE FROM ${t}`)) as Statement[],
  };
}

export class Replica {
  readonly dir: string;
  readonly path: string;
  #db: Db;
  #s: ReturnType<typeof prepareAll>;

  private constructor(dir: string) {
    this.dir = dir;
    this.path = join(dir, REPLICA_FILE);
    this.#db = Replica.#openDb(this.path);
    this.#s = prepareAll(this.#db);
  }

  static open(dataDir: string): Replica {
    mkdirSync(dataDir, { recursive: true });
    return new Replica(dataDir);
  }

  static #openDb(path: string): Db {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Deleted rows are overwritten, so a signed-out account's data does not linger in free pages.
    db.pragma('secure_delete = ON');
    migrate(db);
    return db;
  }

  get db(): Db {
    return this.#db;
  }

  getMeta(key: MetaKey): string | null {
    return this.#s.getMeta.get(key)?.value ?? null;
  }

  setMeta(key: MetaKey, value: string | null): void {
    if (value === null) this.#s.deleteMeta.run(key);
    else this.#s.setMeta.run(key, value);
  }

  lastSyncAt(): string | null {
    return this.getMeta('last_sync_at');
  }

  accountId(): string | null {
    return this.#s.account.get()?.id ?? null;
  }

  account(): AccountView | null {
    const a = this.#s.account.get();
    if (!a) return null;
    return {
      id: a.id,
      name: a.name,
      email: a.email,
      country: a.country,
      customerNumber: a.customer_number,
      organization: this.organization(),
    };
  }

  organization(): OrganizationRef | null {
    const o = this.#s.organization.get();
    if (!o) return null;
    return {
      id: o.id,
      name: o.name,
      role: o.role,
      administratorName: o.administrator_name,
      administratorEmail: o.administrator_email,
    };
  }

  products(): ProductView[] {
    return this.#s.products.all().map((p) => ({
      code: p.code,
      name: p.name,
      licenseType: p.license_type as ProductView['licenseType'],
    }));
  }

  licenses(): LicenseView[] {
    return this.#s.licenses.all().map((l) => {
      const view: LicenseView = {
        id: l.id,
        productCode: l.product_code,
        productName: l.product_name,
        licenseType: l.license_type,
        term: l.term,
        quantity: l.quantity,
        expiresAt: l.expires_at,
        source: l.source,
      };
      if (l.in_use !== null) view.inUse = l.in_use;
      return view;
    });
  }

  serverPool(): ServerPoolEntry[] {
    return this.#s.pool.all().map((p) => ({
      productCode: p.product_code,
      productName: p.product_name,
      licenseType: p.license_type as ServerPoolEntry['licenseType'],
      total: p.total,
    }));
  }

  /**
   * Replaces the account's data with a pulled snapshot in ONE transaction, and answers which
   * tables changed. Every table is replaced whole, so nothing of a previous account survives.
   */
  applySnapshot(snap: Snapshot): SnapshotPart[] {
    const before = this.#fingerprints();
    this.#db.transaction(() => {
      for (const stmt of this.#s.clear) stmt.run();
      this.#s.insertAccount.run(snap.account);
      if (snap.organization) this.#s.insertOrg.run(snap.organization);
      for (const p of snap.products) this.#s.insertProduct.run(p);
      snap.licenses.forEach((l, position) =>
        this.#s.insertLicense.run({ ...l, position, inUse: l.inUse ?? null }),
      );
      for (const p of snap.pool) this.#s.insertPool.run(p);
      this.setMeta('last_sync_at', snap.syncedAt);
      this.setMeta('my_credits', snap.credits ? JSON.stringify(snap.credits) : null);
    })();
    const after = this.#fingerprints();
    return snapshotParts.filter((t) => before[t] !== after[t]);
  }

  /** Forgets everything of the previous account (other account signing in). */
  clearAccountData(): void {
    this.#db.transaction(() => this.#clearAll())();
  }

  /** Deletes the replica's files and starts an empty one: what sign-out leaves behind. */
  destroy(): void {
    this.#db.close();
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      rmSync(this.path + suffix, { force: true });
    }
    this.#db = Replica.#openDb(this.path);
    this.#s = prepareAll(this.#db);
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  static exists(dataDir: string): boolean {
    return existsSync(join(dataDir, REPLICA_FILE));
  }

  #clearAll(): void {
    for (const stmt of this.#s.clear) stmt.run();
    this.#db.prepare('DELETE FROM meta').run();
  }

  #fingerprints(): Record<SnapshotPart, string> {
    return {
      account: JSON.stringify(this.#s.account.get() ?? null),
      organization: JSON.stringify(this.#s.organization.get() ?? null),
      products: JSON.stringify(this.#s.products.all()),
      licenses: JSON.stringify(this.#s.licenses.all()),
      server_pool: JSON.stringify(this.#s.pool.all()),
      credits: this.getMeta('my_credits') ?? 'null',
    };
  }
}
