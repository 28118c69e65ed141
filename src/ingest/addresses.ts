/**
 * Which IP addresses an article fetch may connect to. Private, loopback, link-local (cloud metadata lives at
 * 169.254.169.254 and fd00:ec2::254), carrier-grade NAT, multicast, documentation and reserved ranges are refused;
 * IPv4 addresses written inside IPv6 (::ffff:10.0.0.1, 64:ff9b::a00:1) are judged by the IPv4 address they carry.
 */
import { BlockList, isIP } from 'node:net';

interface Range {
  subnet: string;
  prefix: number;
  type: 'ipv4' | 'ipv6';
  why: string;
}

const RANGES: Range[] = [
  { subnet: '0.0.0.0', prefix: 8, type: 'ipv4', why: 'a "this network" address' },
  { subnet: '10.0.0.0', prefix: 8, type: 'ipv4', why: 'a private address' },
  { subnet: '100.64.0.0', prefix: 10, type: 'ipv4', why: 'a carrier-grade NAT address (cloud metadata on some providers)' },
  { subnet: '127.0.0.0', prefix: 8, type: 'ipv4', why: 'a loopback address (this machine)' },
  { subnet: '169.254.0.0', prefix: 16, type: 'ipv4', why: 'a link-local address (where cloud metadata services live)' },
  { subnet: '172.16.0.0', prefix: 12, type: 'ipv4', why: 'a private address' },
  { subnet: '192.0.0.0', prefix: 24, type: 'ipv4', why: 'a reserved address' },
  { subnet: '192.0.2.0', prefix: 24, type: 'ipv4', why: 'a documentation address' },
  { subnet: '192.88.99.0', prefix: 24, type: 'ipv4', why: 'a reserved relay address' },
  { subnet: '192.168.0.0', prefix: 16, type: 'ipv4', why: 'a private address' },
  { subnet: '198.18.0.0', prefix: 15, type: 'ipv4', why: 'a benchmarking address' },
  { subnet: '198.51.100.0', prefix: 24, type: 'ipv4', why: 'a documentation address' },
  { subnet: '203.0.113.0', prefix: 24, type: 'ipv4', why: 'a documentation address' },
  { subnet: '224.0.0.0', prefix: 4, type: 'ipv4', why: 'a multicast address' },
  { subnet: '240.0.0.0', prefix: 4, type: 'ipv4', why: 'a reserved address' },
  { subnet: '::', prefix: 128, type: 'ipv6', why: 'the unspecified address' },
  { subnet: '::1', prefix: 128, type: 'ipv6', why: 'a loopback address (this machine)' },
  { subnet: '100::', prefix: 64, type: 'ipv6', why: 'a discard address' },
  { subnet: '2001:db8::', prefix: 32, type: 'ipv6', why: 'a documentation address' },
  { subnet: 'fc00::', prefix: 7, type: 'ipv6', why: 'a private (unique local) address (cloud metadata on some providers)' },
  { subnet: 'fe80::', prefix: 10, type: 'ipv6', why: 'a link-local address' },
  { subnet: 'fec0::', prefix: 10, type: 'ipv6', why: 'a site-local address' },
  { subnet: 'ff00::', prefix: 8, type: 'ipv6', why: 'a multicast address' },
];

const lists = RANGES.map((r) => {
  const list = new BlockList();
  list.addSubnet(r.subnet, r.prefix, r.type);
  return { list, range: r };
});

/** The IPv4 address an IPv6 address carries (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible, NAT64 64:ff9b::/96), or null. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:(?:0:)?|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:(?:0:)?|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const hi = parseInt(hex[1]!, 16);
    const lo = parseInt(hex[2]!, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return null;
}

/** Why an address must not be fetched from (e.g. "a loopback address (this machine)"), or null when it is public. */
export function blockedAddressReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return 'not an IP address';
  if (family === 6) {
    const v4 = embeddedIpv4(bare);
    if (v4 !== null) return blockedAddressReason(v4);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const { list, range } of lists) {
    if (range.type === type && list.check(bare, type)) return range.why;
  }
  return null;
}
