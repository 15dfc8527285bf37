import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Whether `host` is in the allow-list (`crm.example.com`, or `*.example.com` for subdomains). */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return allowed.some((a) => (a.startsWith('*.') ? h.endsWith(a.slice(1)) : h === a));
}

/**
 * Addresses a webhook may not reach unless an administrator names the host in the allow-list:
 * loopback, private (RFC 1918, unique local), link-local (cloud metadata at 169.254.169.254),
 * carrier-grade NAT, unspecified, benchmarking, multicast and reserved ranges. Otherwise a holder
 * of `security_monitor` could use the delivery log to probe the server's own network (SSRF).
 */
const LOCAL = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  LOCAL.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['64:ff9b::', 96],
] as const)
  LOCAL.addSubnet(net, prefix, 'ipv6');

/** Whether `address` is one a webhook may not reach by default (see `LOCAL`). */
export function isLocalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return LOCAL.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] !== undefined) return LOCAL.check(mapped[1], 'ipv4');
  return LOCAL.check(address, 'ipv6');
}

export interface ResolvedTarget {
  readonly address: string;
  readonly family: 4 | 6;
}

export type Lookup = (host: string) => Promise<readonly { address: string; family: number }[]>;

const systemLookup: Lookup = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * The address a delivery connects to — resolved once and then pinned, so the name cannot resolve
 * elsewhere between the check and the connection (DNS rebinding). A host named in the allow-list
 * (`CUSTOS_WEBHOOK_ALLOWED_HOSTS`) is the administrator's choice and may be local; any other host
 * must resolve only to public addresses. Throws with the reason in words.
 */
export async function resolveWebhookTarget(
  hostname: string,
  allowed: readonly string[],
  lookup: Lookup = systemLookup,
): Promise<ResolvedTarget> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host);
  const addresses = literal === 0 ? await lookup(host) : [{ address: host, family: literal }];
  const first = addresses[0];
  if (first === undefined) throw new Error(`${host} does not resolve`);
  const named = allowed.length > 0 && hostAllowed(host, allowed);
  if (!named) {
    const local = addresses.find((a) => isLocalAddress(a.address));
    if (local !== undefined)
      throw new Error(
        `${host} resolves to a local or private address (${local.address}); name the host in CUSTOS_WEBHOOK_ALLOWED_HOSTS to allow it`,
      );
  }
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
