/**
 * Hosts referenced by added lines, and whether the policy allows them. A host is found in a URL
 * with a scheme (`https://cdn.example.net/x.js`, `wss://…`, `postgres://user@db.internal`), an
 * scp-like git remote (`git@gitlab.com:org/repo.git`) or a protocol-relative `src`/`href`
 * (`//cdn.example.net/x.js`). Template placeholders (`https://${HOST}/…`) and single-label names
 * (`http://db:5432`, a container on the same network) are not hosts on the internet.
 */

export interface HostReference {
  host: string;
  /** The port when the reference names one. */
  port: string | null;
  /** Index of the reference in the line. */
  index: number;
}

const SCP_PATTERN = /(?<![A-Za-z0-9._-])git@([A-Za-z0-9.-]{1,253}):/g;
const PROTOCOL_RELATIVE = /\b(?:src|href|url|action)\s{0,3}[=(]\s{0,3}["']?\/\/([A-Za-z0-9.-]{1,253}(?::\d{1,5})?)/gi;
const HOST_NAME = /^(?:\*\.)?[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)+$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IGNORED_SCHEMES = new Set(['file', 'about', 'data', 'blob', 'javascript', 'mailto', 'chrome', 'chrome-extension', 'moz-extension', 'vscode', 'app']);

/**
 * Hosts that reach no one: loopback, the reserved documentation names (RFC 2606/6761), and XML
 * namespace and schema identifiers, which are names, not addresses anything fetches.
 */
const BENIGN_HOSTS = new Set([
  'localhost',
  '127.0.0.1',
  '0.0.0.0',
  '::1',
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

/** Parsed authorities, remembered (bounded): the same few hosts fill most lines. */
const parsedAuthorities = new Map<string, { host: string; port: string | null } | null>();
const PARSED_KEPT = 10_000;

function parseAuthority(authority: string): { host: string; port: string | null } | null {
  const known = parsedAuthorities.get(authority);
  if (known !== undefined) return known;
  const parsed = readAuthority(authority);
  if (parsedAuthorities.size >= PARSED_KEPT) parsedAuthorities.clear();
  parsedAuthorities.set(authority, parsed);
  return parsed;
}

function readAuthority(authority: string): { host: string; port: string | null } | null {
  let rest = authority.slice(authority.lastIndexOf('@') + 1).toLowerCase();
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close === -1) return null;
    const port = /^:(\d{1,5})$/.exec(rest.slice(close + 1));
    return { host: rest.slice(1, close), port: port ? (port[1] ?? null) : null };
  }
  let port: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon !== -1) {
    const candidate = rest.slice(colon + 1);
    if (!/^\d{1,5}$/.test(candidate)) return null;
    port = candidate;
    rest = rest.slice(0, colon);
  }
  if (rest.endsWith('.')) rest = rest.slice(0, -1);
  if (!HOST_NAME.test(rest) && !IPV4.test(rest)) return null;
  // `1.2.3` is a version, not a host: a name's last label is never all digits unless it is an IPv4.
  if (!IPV4.test(rest) && /\.\d+$/.test(rest)) return null;
  return { host: rest, port };
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function isSchemeChar(code: number): boolean {
  // [A-Za-z0-9+.-]
  return isLetter(code) || (code >= 48 && code <= 57) || code === 43 || code === 46 || code === 45;
}

/** Characters that end a URL's authority: whitespace / ? # " ' ` < > ( ) [ ] { } \\ | , ; ^ */
function endsAuthority(code: number): boolean {
  return (
    code <= 32 || code === 47 || code === 63 || code === 35 || code === 34 || code === 39 || code === 96 || code === 60 || code === 62 ||
    code === 40 || code === 41 || code === 91 || code === 93 || code === 123 || code === 125 || code === 92 || code === 124 || code === 44 ||
    code === 59 || code === 94
  );
}

/** `scheme://authority` references, found from each `://` (faster than a pattern that must try every letter). */
function urlHosts(line: string, out: HostReference[]): void {
  let from = 0;
  for (let at = line.indexOf('://', from); at !== -1; at = line.indexOf('://', from)) {
    from = at + 3;
    let start = at;
    while (start > 0 && at - start < 16 && isSchemeChar(line.charCodeAt(start - 1))) start -= 1;
    while (start < at && !isLetter(line.charCodeAt(start))) start += 1;
    if (start === at || IGNORED_SCHEMES.has(line.slice(start, at).toLowerCase())) continue;
    let end = from;
    // An IPv6 literal keeps its brackets: `[2001:db8::1]:443`.
    if (line.charCodeAt(end) === 91) {
      const close = line.indexOf(']', end);
      if (close !== -1 && close - end < 60) end = close + 1;
    }
    while (end < line.length && end - from < 300 && !endsAuthority(line.charCodeAt(end))) end += 1;
    const parsed = parseAuthority(line.slice(from, end));
    if (parsed) out.push({ host: parsed.host, port: parsed.port, index: start });
  }
}

/** The hosts a line references, in order of kind (URLs, git remotes, protocol-relative links). */
export function findHosts(line: string): HostReference[] {
  const out: HostReference[] = [];
  if (line.includes('://')) urlHosts(line, out);
  if (line.includes('git@')) {
    SCP_PATTERN.lastIndex = 0;
    for (let match = SCP_PATTERN.exec(line); match !== null; match = SCP_PATTERN.exec(line)) {
      const parsed = parseAuthority(match[1] ?? '');
      if (parsed) out.push({ host: parsed.host, port: parsed.port, index: match.index });
    }
  }
  if (line.includes('"//') || line.includes("'//") || line.includes('=//') || line.includes('(//')) {
    PROTOCOL_RELATIVE.lastIndex = 0;
    for (let match = PROTOCOL_RELATIVE.exec(line); match !== null; match = PROTOCOL_RELATIVE.exec(line)) {
      const parsed = parseAuthority(match[1] ?? '');
      if (parsed) out.push({ host: parsed.host, port: parsed.port, index: match.index });
    }
  }
  return out;
}

export function isBenignHost(host: string): boolean {
  return BENIGN_HOSTS.has(host) || BENIGN_SUFFIXES.some((suffix) => host.endsWith(suffix)) || host.startsWith('127.');
}

export type HostAllowlist = (reference: { host: string; port: string | null }) => boolean;

/**
 * `network.allowed-hosts` as a test: `*.npmjs.org` allows every subdomain (not `npmjs.org`
 * itself), any other entry allows exactly that host; an entry with a port allows only that port.
 * Decisions are remembered, since the same hosts come back on many lines.
 */
export function compileAllowlist(allowed: readonly string[]): HostAllowlist {
  const entries = allowed.map((raw) => {
    const entry = raw.trim().toLowerCase();
    const colon = entry.lastIndexOf(':');
    const port = colon !== -1 && /^\d+$/.test(entry.slice(colon + 1)) ? entry.slice(colon + 1) : null;
    const name = port === null ? entry : entry.slice(0, colon);
    return name.startsWith('*.') ? { suffix: name.slice(1), exact: null, port } : { suffix: null, exact: name, port };
  });
  const decided = new Map<string, boolean>();
  return (reference) => {
    const key = reference.port === null ? reference.host : `${reference.host}:${reference.port}`;
    const known = decided.get(key);
    if (known !== undefined) return known;
    const allowedHere = entries.some(
      (entry) =>
        (entry.port === null || entry.port === reference.port) &&
        (entry.exact !== null ? reference.host === entry.exact : reference.host.endsWith(entry.suffix ?? '\u0000')),
    );
    decided.set(key, allowedHere);
    return allowedHere;
  };
}

/** Whether `network.allowed-hosts` allows a host (see compileAllowlist). */
export function isAllowedHost(reference: { host: string; port: string | null }, allowed: readonly string[]): boolean {
  return compileAllowlist(allowed)(reference);
}
