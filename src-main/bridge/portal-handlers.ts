// Handlers of the My Chaos portal's calls (src-shared/bridge/calls/billing.ts).
import type { BridgeHandlers } from '../../src-shared/bridge/contract.ts';
import type { billingCalls } from '../../src-shared/bridge/calls/billing.ts';
import type { Core } from '../core/core.ts';
import { ask, change, invoiceQuery, saveInstaller, saveInvoicePdf } from '../portal/portal.ts';

export type PortalCallName = keyof typeof billingCalls;

export function portalHandlers(core: Core): Pick<BridgeHandlers, PortalCallName> {
  return {
    'portal.subscriptions': () => ask(core, 'subscriptions'),
    'portal.setAutoRenew': (b) => change(core, 'setAutoRenew', b),
    'portal.quoteSeats': (b) => ask(core, 'quoteSeats', b),
    'portal.addSeats': (b) => change(core, 'addSeats', b),
    'portal.quoteUpgrade': (b) => ask(core, 'quoteUpgrade', b),
    'portal.upgrade': (b) => change(core, 'upgrade', b),
    'portal.store': () => ask(core, 'store'),
    'portal.order': (b) => change(core, 'order', b),
    'portal.invoices': (q) => ask(core, 'invoices', undefined, invoiceQuery(q)),
    'portal.pay': (b) => change(core, 'payInvoices', b),
    'portal.billing': () => ask(core, 'billing'),
    'portal.setBillingInfo': (b) => change(core, 'setBillingInfo', b),
    'portal.setPaymentMethod': (b) => change(core, 'setPaymentMethod', b),
    'portal.invoicePdf': ({ number }) => saveInvoicePdf(core, number),
    'portal.downloads': () => ask(core, 'downloads'),
    'portal.download': ({ fileName }) => saveInstaller(core, fileName),
    'account.setProfile': (b) => change(core, 'setProfile', b),
  };
}
