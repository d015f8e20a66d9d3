// The JSON seed fixture's schema (documented in docs/seed-format.md): people, purchases, organizations.
import Type from 'typebox';
import type { Static } from 'typebox';

const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' });
const Day = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+Z)?$',
  description: 'YYYY-MM-DD or an ISO UTC time',
});
const Role = Type.Union([Type.Literal('member'), Type.Literal('guest')]);
const Term = Type.Union([
  Type.Literal('annual'),
  Type.Literal('monthly'),
  Type.Literal('perpetual'),
  Type.Literal('nfr'),
  Type.Literal('trial'),
  Type.Literal('beta'),
  Type.Literal('edu'),
]);
const Closed = { additionalProperties: false } as const;

export const SeedFile = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    version: Type.Literal(1),
    description: Type.Optional(Type.String()),
    products: Type.Optional(
      Type.Array(
        Type.Object(
          {
            code: Type.String({ minLength: 1 }),
            name: Type.String({ minLength: 1 }),
            licenseType: Type.Union([Type.Literal('workstation'), Type.Literal('render-node')]),
          },
          Closed,
        ),
      ),
    ),
    accounts: Type.Array(
      Type.Object(
        {
          id: Type.Optional(Type.String({ minLength: 1 })),
          name: Type.String({ minLength: 1 }),
          email: Email,
          // One of the two: a clear password is hashed on load (slow, ~50 ms each); a
          // precomputed scrypt hash loads at once, which keeps the demo's first start fast.
          password: Type.Optional(Type.String({ minLength: 1 })),
          passwordHash: Type.Optional(Type.String({ pattern: '^scrypt\\$\\d+\\$\\d+\\$\\d+\\$' })),
          country: Type.String({ minLength: 1 }),
          customerNumber: Type.String({ minLength: 1 }),
          createdAt: Type.Optional(Day),
        },
        Closed,
      ),
    ),
    organizations: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Type.String({ minLength: 1 }),
            name: Type.String({ minLength: 1 }),
            administrator: Email,
            customerNumber: Type.Optional(Type.String()),
            confirmed: Type.Optional(Type.Boolean()),
            createdAt: Type.Optional(Day),
            members: Type.Optional(
              Type.Array(Type.Object({ email: Email, role: Role, joinedAt: Day }, Closed)),
            ),
            invitations: Type.Optional(
              Type.Array(
                Type.Object(
                  {
                    id: Type.Optional(Type.String({ minLength: 1 })),
                    email: Email,
                    role: Role,
                    status: Type.Union([
                      Type.Literal('pending'),
                      Type.Literal('accepted'),
                      Type.Literal('declined'),
                      Type.Literal('cancelled'),
                    ]),
                    createdAt: Day,
                    updatedAt: Type.Optional(Day),
                  },
                  Closed,
                ),
              ),
            ),
            creditAccess: Type.Optional(
              Type.Array(
                Type.Object(
                  {
                    email: Email,
                    mode: Type.Union([
                      Type.Literal('disabled'),
                      Type.Literal('limit'),
                      Type.Literal('unlimited'),
                    ]),
                    limit: Type.Optional(Type.Number({ minimum: 0 })),
                    used: Type.Optional(Type.Number({ minimum: 0 })),
                  },
                  Closed,
                ),
              ),
            ),
          },
          Closed,
        ),
      ),
    ),
    purchases: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Type.String({ minLength: 1 }),
            owner: Email,
            product: Type.String({ minLength: 1 }),
            quantity: Type.Integer({ minimum: 1 }),
            term: Term,
            purchasedAt: Day,
            activatedAt: Type.Optional(Day),
            expiresAt: Type.Union([Day, Type.Null()]),
            autoRenew: Type.Optional(Type.Boolean()),
          },
          Closed,
        ),
      ),
    ),
    assignments: Type.Optional(
      Type.Array(
        Type.Object(
          {
            purchase: Type.String({ minLength: 1 }),
            user: Email,
            quantity: Type.Integer({ minimum: 1 }),
            assignedAt: Type.Optional(Day),
          },
          Closed,
        ),
      ),
    ),
    creditLots: Type.Optional(
      Type.Array(
        Type.Object(
          {
            owner: Email,
            amount: Type.Number({ minimum: 0 }),
            remaining: Type.Optional(Type.Number({ minimum: 0 })),
            purchasedAt: Day,
            expiresAt: Type.Union([Day, Type.Null()]),
          },
          Closed,
        ),
      ),
    ),
    borrows: Type.Optional(
      Type.Array(
        Type.Object(
          {
            purchase: Type.String({ minLength: 1 }),
            user: Email,
            quantity: Type.Optional(Type.Integer({ minimum: 1 })),
            borrowedAt: Day,
            until: Day,
          },
          Closed,
        ),
      ),
    ),
    invoices: Type.Optional(
      Type.Array(
        Type.Object(
          {
            owner: Email,
            number: Type.String({ minLength: 1 }),
            status: Type.Union([Type.Literal('paid'), Type.Literal('unpaid')]),
            issuedAt: Day,
            dueAt: Type.Optional(Day),
            amount: Type.Number({ minimum: 0 }),
            currency: Type.String({ minLength: 3, maxLength: 3 }),
            description: Type.String(),
          },
          Closed,
        ),
      ),
    ),
    notifications: Type.Optional(
      Type.Array(
        Type.Object(
          {
            user: Email,
            kind: Type.String({ minLength: 1 }),
            text: Type.String({ minLength: 1 }),
            createdAt: Day,
            read: Type.Optional(Type.Boolean()),
            /** The invitation a notice is about: it links to the invitation's prompt. */
            invitation: Type.Optional(Type.String({ minLength: 1 })),
          },
          Closed,
        ),
      ),
    ),
    demoAccounts: Type.Optional(
      Type.Array(
        Type.Object(
          {
            email: Email,
            password: Type.String(),
            name: Type.String(),
            description: Type.String(),
          },
          Closed,
        ),
      ),
    ),
  },
  Closed,
);
export type SeedFile = Static<typeof SeedFile>;
