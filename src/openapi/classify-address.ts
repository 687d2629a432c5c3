// Classifies IP addresses (v4 and v6), so that schema downloads and API calls can refuse loopback,
// private and metadata targets. The one classifier of the project: the executor imports it from here.
import { isIPv4, isIPv6 } from 'node:net';

/** What kind of network an IP address belongs to; only `public` addresses may be called by default. */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'metadata'
  | 'shared'
  | 'unspecified'
  | 'unique-local'
  | 'multicast'
  | 'reserved';

type Range = [network: number, prefix: number, addressClass: AddressClass];

// Order matters: the metadata address sits inside link-local and must match first.
const ipv4Ranges: Range[] = [
  [ipv4ToNumber('169.254.169.254'), 32, 'metadata'],
  [ipv4ToNumber('0.0.0.0'), 8, 'unspecified'],
  [ipv4ToNumber('10.0.0.0'), 8, 'private'],
  [ipv4ToNumber('100.64.0.0'), 10, 'shared'],
  [ipv4ToNumber('127.0.0.0'), 8, 'loopback'],
  [ipv4ToNumber('169.254.0.0'), 16, 'link-local'],
  [ipv4ToNumber('172.16.0.0'), 12, 'private'],
  // IETF protocol assignments, documentation and benchmarking networks (RFC 6890): never a real API.
  [ipv4ToNumber('192.0.0.0'), 24, 'reserved'],
  [ipv4ToNumber('192.0.2.0'), 24, 'reserved'],
  [ipv4ToNumber('192.168.0.0'), 16, 'private'],
  [ipv4ToNumber('198.18.0.0'), 15, 'reserved'],
  [ipv4ToNumber('198.51.100.0'), 24, 'reserved'],
  [ipv4ToNumber('203.0.113.0'), 24, 'reserved'],
  [ipv4ToNumber('224.0.0.0'), 4, 'multicast'],
  [ipv4ToNumber('240.0.0.0'), 4, 'reserved'],
];

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
}

function classifyIpv4(value: number): AddressClass {
  for (const [network, prefix, addressClass] of ipv4Ranges) {
    const size = 2 ** (32 - prefix);
    if (Math.floor(value / size) === Math.floor(network / size)) return addressClass;
  }
  return 'public';
}

/** Expands an IPv6 address (already validated) into its eight 16-bit groups. */
function ipv6Groups(address: string): number[] {
  let text = address;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    // A trailing dotted IPv4 part stands for the last two groups.
    const v4 = ipv4ToNumber(text.slice(lastColon + 1));
    text = `${text.slice(0, lastColon + 1)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const parse = (part: string) => (part ? part.split(':').map((group) => Number.parseInt(group, 16)) : []);
  const gap = text.indexOf('::');
  if (gap === -1) return parse(text);
  const head = parse(text.slice(0, gap));
  const rest = parse(text.slice(gap + 2));
  return [...head, ...new Array(8 - head.length - rest.length).fill(0), ...rest];
}

function classifyIpv6(groups: number[]): AddressClass {
  const [first, second] = groups;
  const embeddedV4 = () => classifyIpv4(groups[6] * 65536 + groups[7]);
  const upperZero = groups.slice(0, 5).every((group) => group === 0);
  if (upperZero && groups[5] === 0 && groups[6] === 0 && groups[7] <= 1) {
    return groups[7] === 0 ? 'unspecified' : 'loopback';
  }
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible form (::a.b.c.d) reach the v4 address.
  if (upperZero && (groups[5] === 0xffff || groups[5] === 0)) return embeddedV4();
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address a gateway may forward to.
  if (first === 0x64 && second === 0xff9b && groups.slice(2, 6).every((group) => group === 0))
    return embeddedV4();
  if (first === 0x2002) return classifyIpv4(second * 65536 + groups[2]);
  if (groups.join(':') === [0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254].join(':')) return 'metadata';
  if ((first & 0xfe00) === 0xfc00) return 'unique-local';
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xffc0) === 0xfec0) return 'private';
  if ((first & 0xff00) === 0xff00) return 'multicast';
  return 'public';
}

/**
 * Classifies a literal IP address (`127.0.0.1`, `::ffff:10.0.0.1`, `[::1]`, `fe80::1%eth0`);
 * `undefined` when the text is not an IP address.
 */
export function classifyAddress(address: string): AddressClass | undefined {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (isIPv4(bare)) return classifyIpv4(ipv4ToNumber(bare));
  if (isIPv6(bare)) return classifyIpv6(ipv6Groups(bare.toLowerCase()));
  return undefined;
}

/** True when a literal IP address is public, i.e. may be called without being listed in `allowHosts`. */
export function isAddressAllowed(address: string): boolean {
  return classifyAddress(address) === 'public';
}
