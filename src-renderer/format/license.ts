// Labels for license fields, in the portal's words.
import type { LicenseTerm, LicenseType, LicenseView } from '../../src-shared/domain/license.ts';
import { daysUntil, plural } from './time.ts';

export const licenseTypeLabel: Record<LicenseType, string> = {
  workstation: 'Workstation',
  'render-node': 'Render node',
};

export const licenseTermLabel: Record<LicenseTerm, string> = {
  annual: 'Annual',
  monthly: 'Monthly',
  perpetual: 'Perpetual',
  nfr: 'NFR',
  trial: 'Trial',
  beta: 'Beta',
  edu: 'Education',
};

export const sourceLabel: Record<LicenseView['source'], string> = {
  personal: 'Personal',
  organization: 'Organization',
};

/** Days before expiry from which a license is flagged. */
export const EXPIRY_WARNING_DAYS = 30;

export type ExpiryState =
  | { kind: 'perpetual' }
  | { kind: 'ok'; days: number }
  | { kind: 'soon'; days: number; label: string }
  | { kind: 'expired'; label: string };

export function expiryState(expiresAt: string | null, now: number): ExpiryState {
  if (expiresAt === null) return { kind: 'perpetual' };
  const days = daysUntil(expiresAt, now);
  if (days < 0) return { kind: 'expired', label: 'Expired' };
  if (days === 0) return { kind: 'soon', days, label: 'Expires today' };
  if (days < EXPIRY_WARNING_DAYS) {
    return { kind: 'soon', days, label: `Expires in ${plural(days, 'day')}` };
  }
  return { kind: 'ok', days };
}
