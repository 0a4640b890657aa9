import { readHostText } from './host-parse.js';

/**
 * Which hosts count: `network.allowed-hosts` and the hosts that reach no one. Hosts arrive as the
 * URL parser serialises them (docs/categories.md, "network"): lower-case ASCII, IDN names in
 * punycode, IPv4 in dotted decimal, IPv6 in brackets, no trailing dot. Allowlist entries are read
 * through the same parser, so `GitHub.com.` in a policy is `github.com` and a homoglyph of it is not.
 */

/**
 * Loopback addresses (127.0.0.0/8) and `localhost` names (RFC 6761), and 0.0.0.0/8, "this
 * network", which reaches no other host (`http:80` reads as 0.0.0.80).
 */
const LOOPBACK_V4 = /^(?:127|0)\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const LOCAL_NAMES = new Set(['localhost', '[::1]', '::1', '0.0.0.0']);

/**
 * The reserved documentation names (RFC 2606/6761), and XML namespace and schema identifiers,
 * which are names, not addresses anything fetches.
 */
const BENIGN_HOSTS = new Set([
  'example.com',
  'example.org',
  'example.net',
  'www.w3.org',
  'json-schema.org',
  'schemas.xmlsoap.org',
  'schemas.microsoft.com',
  'schemas.openxmlformats.org',
  'schemas.android.com',
  'xmlns.jcp.org',
  'maven.apache.org',
]);
const BENIGN_SUFFIXES = ['.localhost', '.example', '.invalid', '.test', '.example.com', '.example.org', '.example.net'];

/**
 * Loopback is an address range, not a name prefix: `127.0.0.1` and `127.1.2.3` (the parser turns
 * `127.1`, `0x7f.1` and `2130706433` into dotted form first) and `[::1]`, but not `127.evil.io`.
 */
export function isBenignHost(host: string): boolean {
  return LOCAL_NAMES.has(host) || LOOPBACK_V4.test(host) || BENIGN_HOSTS.has(host) || BENIGN_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

export type HostAllowlist = (reference: { host: string; port: string | null }) => boolean;

interface Entry {
  /** The allowed host, or for `*.name` the suffix `.name`. */
  name: string;
  wildcard: boolean;
  port: string | null;
}

/** One `allowed-hosts` entry, normalised as hosts are: `*.NPMJS.org.` → suffix `.npmjs.org`. */
function readEntry(raw: string): Entry {
  let entry = raw.trim();
  let port: string | null = null;
  const colon = entry.lastIndexOf(':');
  if (colon !== -1 && entry.indexOf(']', colon) === -1 && /^\d{1,5}$/.test(entry.slice(colon + 1))) {
    port = String(Number(entry.slice(colon + 1)));
    entry = entry.slice(0, colon);
  }
  const wildcard = entry.startsWith('*.');
  const name = wildcard ? entry.slice(2) : entry;
  // An entry the parser cannot read is kept as written (lower case): no parsed host equals it.
  const host = readHostText(name)?.host ?? name.toLowerCase();
  return { name: wildcard ? `.${host}` : host, wildcard, port };
}

/**
 * `network.allowed-hosts` as a test: `*.npmjs.org` allows every subdomain (not `npmjs.org`
 * itself), any other entry allows exactly that host; an entry with a port allows only that port.
 * Decisions are remembered, since the same hosts come back on many lines.
 */
export function compileAllowlist(allowed: readonly string[]): HostAllowlist {
  const entries = allowed.map(readEntry);
  const decided = new Map<string, boolean>();
  return (reference) => {
    const key = reference.port === null ? reference.host : `${reference.host}:${reference.port}`;
    const known = decided.get(key);
    if (known !== undefined) return known;
    const allowedHere = entries.some(
      (entry) =>
        (entry.port === null || entry.port === reference.port) &&
        (entry.wildcard ? reference.host.length > entry.name.length && reference.host.endsWith(entry.name) : reference.host === entry.name),
    );
    decided.set(key, allowedHere);
    return allowedHere;
  };
}

/** Whether `network.allowed-hosts` allows a host (see compileAllowlist). */
export function isAllowedHost(reference: { host: string; port: string | null }, allowed: readonly string[]): boolean {
  return compileAllowlist(allowed)(reference);
}
