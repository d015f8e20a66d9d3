// Bridge calls for signing in and out, the account, and sync status.
import Type from 'typebox';
import { call, NoInput } from '../define.ts';
import type { AccountView, DemoAccount } from '../../domain/account.ts';
import type { SessionState, SyncStatus } from '../../domain/session.ts';

export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: 200 });

export const SignInInput = Type.Object(
  { email: Email, password: Password },
  { additionalProperties: false },
);

export const ChangePasswordInput = Type.Object(
  { currentPassword: Password, newPassword: Type.String({ minLength: 8, maxLength: 200 }) },
  { additionalProperties: false },
);

export const sessionCalls = {
  'session.get': call<SessionState>()(NoInput, 'The current session and sync state'),
  'session.demoAccounts': call<DemoAccount[]>()(
    NoInput,
    'Accounts of the embedded demo (empty when the cloud is real)',
  ),
  'session.signIn': call<SessionState>()(SignInInput, 'Sign in with email and password'),
  'session.signOut': call<SessionState>()(
    NoInput,
    'Sign out: forget the credential and the local replica',
  ),
  'account.get': call<AccountView>()(NoInput, 'The signed-in account, from the replica'),
  'account.changePassword': call<{ changed: true }>()(ChangePasswordInput, 'Change the password'),
  'sync.status': call<SyncStatus>()(NoInput, 'Online state, last sync, pending and failed changes'),
  'sync.now': call<SyncStatus>()(NoInput, 'Pull from the cloud now'),
};
