// Products and the licenses an account holds, as the Licensing view shows them.

export type LicenseType = 'workstation' | 'render-node';
export type LicenseTerm = 'annual' | 'monthly' | 'perpetual' | 'nfr' | 'trial' | 'beta' | 'edu';

export interface ProductView {
  code: string;
  name: string;
  licenseType: LicenseType;
}

export interface LicenseView {
  id: string;
  productCode: string;
  productName: string;
  licenseType: LicenseType;
  term: LicenseTerm;
  quantity: number;
  /** ISO date; null for perpetual licenses. */
  expiresAt: string | null;
  /** Personal purchase, or seats the organization assigned to this user. */
  source: 'personal' | 'organization';
  /** Seats of this license in use right now, where known. */
  inUse?: number;
}
