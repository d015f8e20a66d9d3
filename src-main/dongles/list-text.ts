// `clm dongles` as text: one block per dongle, like `clm status` does for leases.
import type { DongleList, DongleView } from '../../src-shared/bridge/calls/dongles.ts';

const stateText = { checking: 'checking…', verified: 'verified', refused: 'REFUSED' } as const;

export function dongleListText(list: DongleList): string {
  const lines: string[] = [];
  for (const t of list.transports)
    if (!t.available) lines.push(`${t.name}: not available here: ${t.message ?? ''}`);
  if (list.dongles.length === 0)
    lines.push(`No USB dongle attached (looked for HID devices ${list.usbId}).`);
  for (const d of list.dongles) lines.push(...dongleText(d));
  return lines.join('\n');
}

function dongleText(d: DongleView): string[] {
  const head = `${d.serial ?? '(serial unknown)'}  ${stateText[d.state]}  ${d.seats} seats  [${d.transport}${d.firmware ? `, firmware ${d.firmware}` : ''}]`;
  const out = [head];
  for (const l of d.licenses) out.push(`  ${l.product.padEnd(24)} ${l.seats} seats  ${l.name}`);
  if (d.expiresAt) out.push(`  expires ${d.expiresAt}`);
  if (d.reason) out.push(`  refused (${d.reason.code}): ${d.reason.message}`);
  return out;
}
