// Who may reach what: loopback and wildcard addresses, and the start lines saying what answers from where.
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

/** A client or bound address on this machine's loopback (IPv4 127/8, ::1, or IPv4-mapped). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return a === '::1' || a === 'localhost' || (isIP(a) === 4 && a.startsWith('127.'));
}

/** A bind on every address of the machine. */
export function isWildcardAddress(address: string): boolean {
  return address === '0.0.0.0' || address === '::' || address === '';
}

export function urlHost(address: string): string {
  return isIP(address) === 6 ? `[${address}]` : address;
}

/** This machine's network (non-loopback) IPv4 addresses, for examples in the start lines. */
function networkAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && !i.internal && i.family === 'IPv4')
    .map((i) => i!.address);
}

export interface Reach {
  /** Where render nodes reach the seat protocol. */
  seatUrl: string;
  /** Where the web UI answers (without the token). */
  uiUrl: string;
  /** Whether the web UI and /api/ answer network clients, or this machine only. */
  uiFrom: 'loopback' | 'network';
  /** Human lines for the operator. */
  lines: string[];
}

/** What a `clm serve` bound to `address` (the address it listens on) serves to whom. */
export function reachOf(address: string, port: number, exposeUi: boolean): Reach {
  const local = `http://127.0.0.1:${port}/`;
  if (isLoopbackAddress(address)) {
    const here = `http://${urlHost(address)}:${port}/`;
    return {
      seatUrl: `${here}seat/v1/`,
      uiUrl: here,
      uiFrom: 'loopback',
      lines: [
        `Seat protocol and web UI: this machine only (${here}); --bind ADDR opens the seat protocol to the network.`,
      ],
    };
  }
  const wildcard = isWildcardAddress(address);
  const examples = wildcard ? networkAddresses() : [address];
  const seatUrl = `http://${urlHost(examples[0] ?? '127.0.0.1')}:${port}/seat/v1/`;
  const seatsLine = wildcard
    ? `Seat protocol: port ${port} on every address of this machine${examples.length ? ` (e.g. ${seatUrl})` : ''}, for render nodes on the network.`
    : `Seat protocol: ${seatUrl}, for render nodes on the network.`;
  if (!exposeUi)
    return {
      seatUrl,
      uiUrl: local,
      uiFrom: 'loopback',
      lines: [
        seatsLine,
        `Web UI and /api/: this machine only, ${local} (--expose-ui opens them to the network).`,
      ],
    };
  const uiUrl = wildcard ? local : `http://${urlHost(address)}:${port}/`;
  return {
    seatUrl,
    uiUrl,
    uiFrom: 'network',
    lines: [
      seatsLine,
      wildcard
        ? `Web UI and /api/: port ${port} on every address of this machine, with the login token.`
        : `Web UI and /api/: ${uiUrl} from the network, with the login token.`,
    ],
  };
}

export const EXPOSE_UI_WARNING =
  'Warning: --expose-ui serves the web UI to the network over plain HTTP: the login token and its cookie travel unencrypted, so anyone who can watch the network can take over this app. Use it only on a trusted network, or put an HTTPS proxy in front.';
