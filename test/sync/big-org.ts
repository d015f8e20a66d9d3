// A large organization written straight into a cloud data dir (as the sync bench builds it), so a
// pull is big enough for a kill to land in the middle of applying it.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { hashPassword } from '../../src-cloud/auth/passwords.ts';
import { DB_FILE, openStore } from '../../src-cloud/store/db.ts';

export const BIG_ADMIN = { email: 'admin@big.test', password: 'big-password' };
const PRODUCTS = ['vray-3dsmax', 'vray-maya', 'phoenix-3dsmax', 'enscape', 'corona-3dsmax'];

/** `users` members, each with one seat of each of 5 purchases; half with a credit limit. */
export async function buildBigOrg(dataDir: string, users: number): Promise<void> {
  const store = await openStore(dataDir); // the schema, every migration
  await store.destroy();
  const hash = await hashPassword(BIG_ADMIN.password);
  const db = new Database(join(dataDir, DB_FILE));
  const now = new Date().toISOString();
  const account = db.prepare(
    `insert into accounts (id, name, country, email, customer_number, password_hash, created_at)
     values (?, ?, 'BG', ?, ?, ?, ?)`,
  );
  const member = db.prepare(
    `insert into memberships (organization_id, account_id, role, joined_at) values ('org-big', ?, 'member', ?)`,
  );
  const purchase = db.prepare(
    `insert into purchases (id, account_id, product_code, quantity, term, purchased_at, expires_at)
     values (?, 'acc-admin', ?, ?, 'annual', ?, '2035-01-01')`,
  );
  const assignment = db.prepare(
    `insert into assignments (id, organization_id, purchase_id, account_id, quantity, assigned_at)
     values (?, 'org-big', ?, ?, 1, ?)`,
  );
  const access = db.prepare(
    `insert into credit_access (organization_id, account_id, mode, limit_milli, used_milli, updated_at)
     values ('org-big', ?, 'limit', 20000, 0, ?)`,
  );
  db.transaction(() => {
    account.run('acc-admin', 'Big Admin', BIG_ADMIN.email, 'C-0', hash, now);
    db.prepare(
      `insert into organizations (id, name, administrator_id, customer_number, confirmed, created_at)
       values ('org-big', 'Big Org', 'acc-admin', 'C-0', 1, ?)`,
    ).run(now);
    PRODUCTS.forEach((code, p) => purchase.run(`pur-${p}`, code, users, now));
    for (let i = 0; i < users; i++) {
      const id = `acc-${i}`;
      account.run(id, `User ${i}`, `user${i}@big.test`, `C-${i + 1}`, hash, now);
      member.run(id, now);
      PRODUCTS.forEach((_, p) => assignment.run(`asg-${i}-${p}`, `pur-${p}`, id, now));
      if (i % 2 === 0) access.run(id, now);
    }
  })();
  db.close();
}
