// What the desktop shows of an account and its place in an organization.

export type OrgRole = 'administrator' | 'member' | 'guest';

export interface OrganizationRef {
  id: string;
  name: string;
  role: OrgRole;
  administratorName: string;
  administratorEmail: string;
}

export interface AccountView {
  id: string;
  name: string;
  email: string;
  country: string;
  customerNumber: string;
  organization: OrganizationRef | null;
}

/** A demo account listed on the sign-in screen of the embedded demo. */
export interface DemoAccount {
  email: string;
  password: string;
  name: string;
  description: string;
}
