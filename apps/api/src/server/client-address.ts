import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

type Address = ipaddr.IPv4 | ipaddr.IPv6;
export type CidrList = [Address, number][];

/** Parses CIDR strings once; IPv4-mapped IPv6 peers are compared as IPv4. */
export function parseCidrs(cidrs: readonly string[]): CidrList {
  return cidrs.map((cidr) => ipaddr.parseCIDR(cidr));
}

/**
 * Only canonical text: dotted-quad IPv4 with decimal octets and no leading zeros, or IPv6. ipaddr.js
 * alone also takes the inet_aton forms (`127.1`, `0x7f000001`, `2130706433`, `0177.0.0.1`), which
 * different parsers read differently, so an address in a forwarded header could mean two things.
 */
function normalise(address: string): Address | undefined {
  const trimmed = address.trim().replace(/^\[|\]$/g, "");
  if (isIP(trimmed) === 0 || !ipaddr.isValid(trimmed)) return undefined;
  const parsed = ipaddr.parse(trimmed);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed;
}

export function inRanges(address: string, ranges: CidrList): boolean {
  const parsed = normalise(address);
  if (!parsed) return false;
  return ranges.some(([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits));
}

/**
 * The client's address (R12). X-Forwarded-For is read only when the socket peer is a trusted
 * proxy; then the rightmost entry that is not itself a trusted proxy is the client. Without a
 * trusted proxy the header is ignored, so it cannot be used to spoof an allowed address.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: CidrList,
): string | undefined {
  const peer = socketAddress ? normalise(socketAddress) : undefined;
  if (!peer) return undefined;
  if (trustedProxies.length === 0 || !inRanges(peer.toString(), trustedProxies)) return peer.toString();
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = header
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop.length > 0);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalise(hops[i] ?? "");
    // A malformed hop means the chain cannot be trusted past this point: refuse to guess.
    if (!hop) return undefined;
    if (!inRanges(hop.toString(), trustedProxies)) return hop.toString();
  }
  return peer.toString();
}
