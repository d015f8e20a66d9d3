// Loads a JSON seed fixture into an empty cloud database, once; later starts leave the data alone.
import { readFileSync } from 'node:fs';
import type { DemoAccount } from '../../src-shared/domain/account.ts';
import { AppError } from '../../src-shared/errors.ts';
import { inviteLink } from '../../src-shared/org/notices.ts';
import { parse } from '../../src-shared/schema.ts';
import { hashPassword } from '../auth/passwords.ts';
import { isoNow, type Clock } from '../../src-shared/clock.ts';
import { resolveDocumentDates } from '../../src-shared/relative-date.ts';
import { addLot } from '../credits/ledger.ts';
import type { CreditTx } from '../credits/tables.ts';
import { newId } from '../ids.ts';
import type { Store } from './db.ts';
import { SeedFile } from './seed-format.ts';

const SEEDED = 'seeded_from';
const DEMO_ACCOUNTS = 'demo_accounts';

/** Reads and checks a seed, its relative dates resolved against `nowMs` (docs/seed-format.md). */
export function readSeedFile(file: string, nowMs: number): SeedFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppError('bad_request', `Cannot read seed ${file}: ${(err as Error).message}`);
  }
  return parse(SeedFile, resolveDocumentDates(raw, nowMs), `seed ${file}`);
}

const milli = (credits: number) => Math.round(credits * 1000);
const lower = (email: string) => email.trim().toLowerCase();

/** Seeds `db` from `file` unless it already holds data. Answers whether it seeded. */
export async function seedIfEmpty(db: Store, file: string, clock: Clock): Promise<boolean> {
  const seed = readSeedFile(file, clock());
  const meta = await db
    .selectFrom('server_meta')
    .select('value')
    .where('key', '=', SEEDED)
    .executeTakeFirst();
  const anyAccount = await db.selectFrom('accounts').select('id').limit(1).executeTakeFirst();
  if (meta || anyAccount) return false;

  const ids = new Map<string, string>();
  for (const a of seed.accounts) {
    if (ids.has(lower(a.email))) throw seedError(`account ${a.email} appears twice`);
    ids.set(lower(a.email), a.id ?? newId('acc'));
  }
  const account = (email: string, where: string) => {
    const id = ids.get(lower(email));
    if (!id) throw seedError(`${where}: "${email}" is not one of the seed's accounts`);
    return id;
  };
  const hashes = await Promise.all(
    seed.accounts.map((a) => {
      if (a.passwordHash && a.password === undefined) return a.passwordHash;
      if (a.password !== undefined && !a.passwordHash) return hashPassword(a.password);
      throw seedError(`account ${a.email} needs exactly one of "password" and "passwordHash"`);
    }),
  );
  const now = isoNow(clock);

  await db.transaction().execute(async (tx) => {
    for (const p of seed.products ?? []) {
      await tx
        .insertInto('products')
        .values({ code: p.code, name: p.name, license_type: p.licenseType, sort_order: 1000 })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    for (const [i, a] of seed.accounts.entries()) {
      await tx
        .insertInto('accounts')
        .values({
          id: account(a.email, 'accounts'),
          name: a.name,
          country: a.country,
          email: lower(a.email),
          customer_number: a.customerNumber,
          password_hash: hashes[i] as string,
          created_at: a.createdAt ?? now,
          password_changed_at: null,
        })
        .execute();
    }
    const orgOfAdmin = new Map<string, string>();
    for (const o of seed.organizations ?? []) {
      const adminId = account(o.administrator, `organization ${o.id} administrator`);
      const admin = seed.accounts.find((a) => lower(a.email) === lower(o.administrator));
      orgOfAdmin.set(adminId, o.id);
      await tx
        .insertInto('organizations')
        .values({
          id: o.id,
          name: o.name,
          administrator_id: adminId,
          customer_number: o.customerNumber ?? admin?.customerNumber ?? '',
          confirmed: o.confirmed === false ? 0 : 1,
          created_at: o.createdAt ?? now,
        })
        .execute();
      for (const m of o.members ?? []) {
        await tx
          .insertInto('memberships')
          .values({
            organization_id: o.id,
            account_id: account(m.email, `organization ${o.id} members`),
            role: m.role,
            joined_at: m.joinedAt,
          })
          .execute();
      }
      for (const inv of o.invitations ?? []) {
        await tx
          .insertInto('invitations')
          .values({
            id: inv.id ?? newId('inv'),
            organization_id: o.id,
            email: lower(inv.email),
            role: inv.role,
            status: inv.status,
            created_at: inv.createdAt,
            updated_at: inv.updatedAt ?? inv.createdAt,
          })
          .execute();
      }
      for (const c of o.creditAccess ?? []) {
        await tx
          .insertInto('credit_access')
          .values({
            organization_id: o.id,
            account_id: account(c.email, `organization ${o.id} creditAccess`),
            mode: c.mode,
            limit_milli: c.mode === 'limit' ? milli(c.limit ?? 0) : null,
            used_milli: milli(c.used ?? 0),
            updated_at: now,
          })
          .execute();
      }
    }
    const purchases = new Map<string, { owner: string; product: string }>();
    for (const p of seed.purchases ?? []) {
      const owner = account(p.owner, `purchase ${p.id} owner`);
      purchases.set(p.id, { owner, product: p.product });
      await tx
        .insertInto('purchases')
        .values({
          id: p.id,
          account_id: owner,
          product_code: p.product,
          quantity: p.quantity,
          term: p.term,
          purchased_at: p.purchasedAt,
          activated_at: p.activatedAt ?? p.purchasedAt,
          expires_at: p.expiresAt,
          auto_renew: p.autoRenew ? 1 : 0,
        })
        .execute();
    }
    const purchase = (id: string, where: string) => {
      const p = purchases.get(id);
      if (!p) throw seedError(`${where}: purchase "${id}" is not in the seed`);
      return p;
    };
    for (const s of seed.assignments ?? []) {
      const p = purchase(s.purchase, 'assignments');
      const orgId = orgOfAdmin.get(p.owner);
      if (!orgId) throw seedError(`assignments: purchase "${s.purchase}" is not an organization's`);
      await tx
        .insertInto('assignments')
        .values({
          id: newId('asg'),
          organization_id: orgId,
          purchase_id: s.purchase,
          account_id: account(s.user, 'assignments'),
          quantity: s.quantity,
          assigned_at: s.assignedAt ?? now,
        })
        .execute();
    }
    // Each lot enters the ledger as a purchase, and what the seed says was used as one charge.
    for (const l of seed.creditLots ?? []) {
      await addLot(
        tx as unknown as CreditTx,
        {
          id: newId('lot'),
          ownerId: account(l.owner, 'creditLots'),
          amountMilli: milli(l.amount),
          purchasedAt: l.purchasedAt,
          expiresAt: l.expiresAt,
        },
        milli(l.amount) - milli(l.remaining ?? l.amount),
      );
    }
    for (const b of seed.borrows ?? []) {
      const p = purchase(b.purchase, 'borrows');
      await tx
        .insertInto('borrows')
        .values({
          id: newId('brw'),
          account_id: account(b.user, 'borrows'),
          purchase_id: b.purchase,
          product_code: p.product,
          quantity: b.quantity ?? 1,
          borrowed_at: b.borrowedAt,
          until: b.until,
          returned_at: null,
        })
        .execute();
    }
    for (const inv of seed.invoices ?? []) {
      await tx
        .insertInto('invoices')
        .values({
          id: newId('invc'),
          account_id: account(inv.owner, `invoice ${inv.number}`),
          number: inv.number,
          status: inv.status,
          issued_at: inv.issuedAt,
          due_at: inv.dueAt ?? null,
          amount_cents: Math.round(inv.amount * 100),
          currency: inv.currency,
          description: inv.description,
        })
        .execute();
    }
    for (const n of seed.notifications ?? []) {
      await tx
        .insertInto('notifications')
        .values({
          id: newId('ntf'),
          account_id: account(n.user, 'notifications'),
          kind: n.kind,
          text: n.text,
          created_at: n.createdAt,
          read_at: n.read ? n.createdAt : null,
          link: n.invitation ? inviteLink(n.invitation) : null,
        })
        .execute();
    }
    await tx
      .insertInto('server_meta')
      .values([
        { key: SEEDED, value: JSON.stringify({ file, at: now }) },
        { key: DEMO_ACCOUNTS, value: JSON.stringify(seed.demoAccounts ?? []) },
      ])
      .execute();
  });
  return true;
}

function seedError(message: string): AppError {
  return new AppError('bad_request', `Invalid seed: ${message}`);
}

/** The seed's demo accounts for the sign-in screen; empty when the database was not seeded with any. */
export async function demoAccountsOf(db: Store): Promise<DemoAccount[]> {
  const row = await db
    .selectFrom('server_meta')
    .select('value')
    .where('key', '=', DEMO_ACCOUNTS)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as DemoAccount[]) : [];
}
