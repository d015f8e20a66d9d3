// Admin operations offline-first: pre-check with the shared rules against the replica, then queue
// the mutation with its optimistic effects in one transaction. The cloud stays the authority.
import { randomUUID } from 'node:crypto';
import type { InvitationRow } from '../../src-shared/cloud-api/sync.ts';
import type { QueuedChange } from '../../src-shared/domain/org.ts';
import { AppError } from '../../src-shared/errors.ts';
import { itemKey } from '../../src-shared/org/item-key.ts';
import type { CreditAccess, MemberRole } from '../../src-shared/org/model.ts';
import type { MutationArgs, MutationName } from '../../src-shared/org/mutations.ts';
import { checkAdministrator } from '../../src-shared/org/rules/authorize.ts';
import { checkSetCreditAccess } from '../../src-shared/org/rules/credits.ts';
import {
  checkAccept,
  checkDecline,
  checkInvite,
  checkManageInvitation,
} from '../../src-shared/org/rules/invite.ts';
import { checkRemove } from '../../src-shared/org/rules/remove.ts';
import { checkRevoke } from '../../src-shared/org/rules/revoke.ts';
import type { Effect, OrgStore } from '../store/org-store.ts';
import { failure, planAssign, planAssignMany, type AssignFacts } from './assign.ts';
import type { OrgState } from './state.ts';

type Failure = QueuedChange['failed'][number];

export interface OrgAdminHost {
  store: OrgStore;
  state: OrgState;
  now: () => string;
  /** The signed-in account (id and email). */
  me: () => { id: string; email: string };
  productName: (code: string) => string;
  /**
   * Called after a mutation was committed to the outbox with its optimistic effects (views
   * refresh what those touched, the pusher wakes).
   */
  queued: (effects: Effect[]) => void;
}

export class OrgAdmin {
  readonly #h: OrgAdminHost;

  constructor(host: OrgAdminHost) {
    this.#h = host;
  }

  invite(invitations: { email: string; role: MemberRole }[]): QueuedChange {
    const s = this.#requireAdmin();
    const org = s.organization as NonNullable<typeof s.organization>;
    const byEmail = new Map([...s.users.values()].map((u) => [u.email.toLowerCase(), u]));
    const pendingTo = new Set(
      [...s.invitations.values()]
        .filter((i) => i.status === 'pending' && i.organizationId === org.id)
        .map((i) => i.email.toLowerCase()),
    );
    const ok: { email: string; role: MemberRole }[] = [];
    const failed: Failure[] = [];
    for (const inv of invitations) {
      const email = inv.email.toLowerCase();
      const user = byEmail.get(email);
      const isAdmin = email === org.administratorEmail.toLowerCase();
      // What the replica cannot know (whether the account exists, its purchases) the cloud checks.
      const r = checkInvite(
        {
          organizationId: org.id,
          administratorAccountId: org.administratorId,
          invitee: {
            accountId: isAdmin ? org.administratorId : (user?.id ?? `unknown:${email}`),
            email,
            hasPersonalPurchases: false,
            memberOfOrganizationId: user ? org.id : null,
            administersOrganizationId: null,
          },
          pendingInvitation: pendingTo.has(email),
        },
        email,
        inv.role,
      );
      if (r.ok) {
        ok.push({ email, role: inv.role });
        pendingTo.add(email);
      } else failed.push(failure(itemKey(email), r, email));
    }
    const effects: Effect[] = ok.map((i) => {
      const row: InvitationRow = {
        id: `local:${randomUUID()}`,
        organizationId: org.id,
        organizationName: org.name,
        invitedBy: org.administratorEmail,
        email: i.email,
        role: i.role,
        status: 'pending',
        createdAt: this.#h.now(),
        updatedAt: this.#h.now(),
      };
      return { tbl: 'invitations', key: row.id, data: row };
    });
    const [one] = ok;
    const what =
      ok.length === 1 && one ? `Invite ${one.email} as ${one.role}` : `Invite ${ok.length} users`;
    return this.#queue('invite', { invitations: ok }, what, effects, failed);
  }

  removeUsers(userIds: string[]): QueuedChange {
    const s = this.#requireAdmin();
    const now = this.#h.now();
    const ok: string[] = [];
    const failed: Failure[] = [];
    const effects: Effect[] = [];
    for (const id of userIds) {
      const u = s.users.get(id);
      const assigned = (s.byUser.get(id) ?? []).reduce((n, a) => n + a.quantity, 0);
      const r = checkRemove({
        email: u?.email ?? id,
        inOrganization: !!u,
        isAdministrator: id === s.organization?.administratorId,
        assignedSeats: assigned,
        borrowedSeats: this.#h.state.borrowedSeats(id, now),
      });
      if (!r.ok) {
        failed.push(failure(itemKey(id), r, u?.email));
        continue;
      }
      ok.push(id);
      effects.push(
        { tbl: 'users', key: id, data: null },
        { tbl: 'creditAccess', key: id, data: null },
      );
    }
    const what =
      ok.length === 1
        ? `Remove ${s.users.get(ok[0] as string)?.email}`
        : `Remove ${ok.length} users`;
    return this.#queue('removeUsers', { userIds: ok }, what, effects, failed);
  }

  assign(userIds: string[], purchaseId: string, quantity = 1, fromUserId?: string): QueuedChange {
    const s = this.#requireAdmin();
    const { ok, plan } = planAssign(s, this.#facts(), userIds, purchaseId, quantity, fromUserId);
    const { description, effects, failed } = plan;
    // Quantity and re-allocation are the one-user form's ("Allocate product to user").
    const one = userIds.length === 1 ? { quantity, ...(fromUserId ? { fromUserId } : {}) } : {};
    return this.#queue(
      'assign',
      { userIds: ok, purchaseIds: [purchaseId], ...one },
      description,
      effects,
      failed,
    );
  }

  /**
   * Bulk assignment: one seat of each purchase to each user, as ONE change (docs/sources.md, Portal
   * guide §XIV).
   */
  assignMany(userIds: string[], purchaseIds: string[]): QueuedChange {
    const s = this.#requireAdmin();
    const plan = planAssignMany(s, this.#facts(), userIds, purchaseIds);
    return this.#queue('assign', plan.args, plan.description, plan.effects, plan.failed);
  }

  #facts(): AssignFacts {
    const state = this.#h.state;
    return {
      now: this.#h.now(),
      productName: this.#h.productName,
      borrowedSeats: (id, now, purchaseId) => state.borrowedSeats(id, now, purchaseId),
    };
  }

  revoke(userIds: string[], productCode: string): QueuedChange {
    // Each user's rows alone: a revoke from one user must not read 10,000 (bench/org-change).
    this.#checkAdmin(this.#h.state.organization());
    const state = this.#h.state;
    const now = this.#h.now();
    const name = this.#h.productName(productCode);
    const ok: string[] = [];
    const failed: Failure[] = [];
    const effects: Effect[] = [];
    const emails = new Map<string, string>();
    for (const id of userIds) {
      const u = state.user(id);
      if (u) emails.set(id, u.email);
      const held = state.assignmentsOf(id).filter((a) => a.productCode === productCode);
      const r = checkRevoke({
        email: u?.email ?? id,
        inOrganization: !!u,
        productName: name,
        assignments: held.map((a) => ({
          term: a.term,
          seats: a.quantity,
          borrowedSeats: this.#h.state.borrowedSeats(id, now, a.purchaseId),
        })),
      });
      if (!r.ok) {
        failed.push(failure(itemKey(id, productCode), r, u?.email));
        continue;
      }
      ok.push(id);
      for (const a of held) effects.push({ tbl: 'assignments', key: a.id, data: null });
    }
    const what = `Revoke ${name} from ${ok.length === 1 ? emails.get(ok[0] as string) : `${ok.length} users`}`;
    return this.#queue(
      'revoke',
      { userIds: ok, productCodes: [productCode] },
      what,
      effects,
      failed,
    );
  }

  setCreditAccess(userIds: string[], access: CreditAccess): QueuedChange {
    const s = this.#requireAdmin();
    const ok: string[] = [];
    const failed: Failure[] = [];
    const effects: Effect[] = [];
    for (const id of userIds) {
      const u = s.users.get(id);
      const r = checkSetCreditAccess(
        {
          email: u?.email ?? id,
          inOrganization: !!u,
          role: u?.role ?? null,
          hasActivePersonalCredits: false,
        },
        access,
      );
      if (!r.ok) {
        failed.push(failure(itemKey(id), r, u?.email));
        continue;
      }
      ok.push(id);
      const used = s.creditAccess.get(id)?.used ?? 0;
      effects.push({
        tbl: 'creditAccess',
        key: id,
        data: {
          userId: id,
          mode: access.mode,
          limit: access.mode === 'limit' ? access.limit : null,
          used,
          updatedAt: this.#h.now(),
        },
      });
    }
    const label = access.mode === 'limit' ? `${access.limit} credits` : access.mode;
    const what = `Set credit access to ${label} for ${ok.length === 1 ? s.users.get(ok[0] as string)?.email : `${ok.length} users`}`;
    return this.#queue('setCreditAccess', { userIds: ok, access }, what, effects, failed);
  }

  manageInvitation(
    kind: 'resendInvitation' | 'cancelInvitation',
    invitationId: string,
  ): QueuedChange {
    const s = this.#requireAdmin();
    const inv = s.invitations.get(invitationId);
    const r = checkManageInvitation(inv ?? null, s.organization?.id ?? '');
    if (!r.ok) throw new AppError(r.code, r.message);
    // Cancel ends the invitation; Resend sends it again now, the "invited" date shown.
    const effects: Effect[] = inv
      ? [
          {
            tbl: 'invitations',
            key: inv.id,
            data:
              kind === 'cancelInvitation'
                ? { ...inv, status: 'cancelled', updatedAt: this.#h.now() }
                : { ...inv, updatedAt: this.#h.now() },
          },
        ]
      : [];
    const verb = kind === 'cancelInvitation' ? 'Cancel' : 'Resend';
    return this.#queue(
      kind,
      { invitationId },
      `${verb} the invitation to ${inv?.email}`,
      effects,
      [],
    );
  }

  respond(invitationId: string, answer: 'accept' | 'decline'): QueuedChange {
    const s = this.#h.state.get();
    const me = this.#h.me();
    const inv = s.invitations.get(invitationId) ?? null;
    const facts = inv && {
      organizationId: inv.organizationId,
      email: inv.email,
      status: inv.status,
    };
    const r =
      answer === 'accept'
        ? checkAccept({
            invitation: facts,
            role: inv?.role ?? 'guest',
            email: me.email,
            hasPersonalPurchases: false,
            memberOfOrganizationId: null,
            administersOrganizationId: null,
          })
        : checkDecline({ invitation: facts, email: me.email });
    if (!r.ok) throw new AppError(r.code, r.message);
    const status = answer === 'accept' ? 'accepted' : 'declined';
    const effects: Effect[] = inv
      ? [{ tbl: 'invitations', key: inv.id, data: { ...inv, status, updatedAt: this.#h.now() } }]
      : [];
    const name = answer === 'accept' ? 'acceptInvitation' : 'declineInvitation';
    const what = `${answer === 'accept' ? 'Accept' : 'Decline'} the invitation from ${inv?.organizationName}`;
    return this.#queue(name, { invitationId }, what, effects, []);
  }

  #requireAdmin() {
    const s = this.#h.state.get();
    this.#checkAdmin(s.organization);
    return s;
  }

  #checkAdmin(organization: { administratorId: string } | null): void {
    const r = checkAdministrator(
      !!organization && organization.administratorId === this.#h.me().id,
    );
    if (!r.ok) throw new AppError(r.code, r.message);
  }

  /** Nothing passed the pre-check: the first reason is the answer, and nothing is queued. */
  #queue<N extends MutationName>(
    name: N,
    args: MutationArgs<N>,
    description: string,
    effects: Effect[],
    failed: Failure[],
  ): QueuedChange {
    const items =
      (args as { userIds?: unknown[]; invitations?: unknown[] }).userIds ??
      (args as { invitations?: unknown[] }).invitations;
    if (items && items.length === 0) {
      const first = failed[0];
      throw new AppError(first?.code ?? 'bad_request', first?.message ?? 'Nothing to do', {
        failed,
      });
    }
    const mutationId = this.#h.store.enqueue(name, args, description, effects, this.#h.now());
    this.#h.state.invalidate([]);
    this.#h.queued(effects);
    return { mutationId, pending: this.#h.store.pendingCount(), failed };
  }
}
