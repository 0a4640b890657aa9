import { isAddress, readHostText } from './host-parse.js';

export { compileAllowlist, isAllowedHost, isBenignHost, type HostAllowlist } from './host-allowlist.js';

/**
 * Hosts referenced by added lines (docs/categories.md, "network"). A reference is found from the
 * characters that start one, then its authority is delimited the way the WHATWG URL parser
 * delimits it, and the parser reads the host (see host-parse.ts):
 *
 * - a special scheme (`http`, `https`, `ws`, `wss`, `ftp`, any case) and a colon, with or without
 *   slashes: the parser skips any run of `/` and `\` after `https:`, so `https:evil.io`,
 *   `https:/\evil.io` and `https://evil.io` all name `evil.io`;
 * - any other `scheme://` (`postgres://user@db.acme.io`, `git+ssh://…`), except local schemes;
 * - an scp-like git remote (`git@gitlab.com:org/repo.git`);
 * - a protocol-relative link right after a quote, `=` or `(` (`src="//cdn.evil.io/x.js"`).
 *
 * The authority ends at `/`, `\`, `?`, `#`, whitespace, a quote or `<>`; userinfo runs to its last
 * `@` (`https://github.com@evil.io` names `evil.io`). Single-label names (`http://db:5432`, a
 * container on the same network) are not hosts on the internet; addresses always are. Text built
 * at run time (`https://${HOST}/`, `'https://' + name`) is not a host the diff can name.
 */

export interface HostReference {
  host: string;
  /** The port when the reference names one. */
  port: string | null;
  /** Index of the reference in the line. */
  index: number;
}

const SPECIAL_SCHEMES = ['https', 'http', 'wss', 'ws', 'ftp'] as const;
/** Schemes whose `//` part is not a network host. */
const LOCAL_SCHEMES = new Set(['file', 'about', 'data', 'blob', 'javascript', 'mailto', 'chrome', 'chrome-extension', 'moz-extension', 'vscode', 'app']);
/** Longest host text read (a DNS name is at most 253 characters) and IPv6 literal. */
const MAX_HOST = 300;
const MAX_IPV6 = 64;
const MAX_SCHEME = 32;

function isAlphaNumeric(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

function isSchemeChar(code: number): boolean {
  // [A-Za-z0-9+.-]
  return isAlphaNumeric(code) || code === 43 || code === 46 || code === 45;
}

/** Unicode spaces a prose line may hold; the parser rejects them in a host. */
function isUnicodeSpace(code: number): boolean {
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Where a URL's authority ends: the parser's `/ \ ? #`, and whitespace, quotes, `<>` (the text around a URL). */
function endsAuthority(code: number): boolean {
  return code <= 32 || code === 47 || code === 92 || code === 63 || code === 35 || code === 34 || code === 39 || code === 96 || code === 60 || code === 62 || code === 127 || isUnicodeSpace(code);
}

/** Unicode punctuation and separators: prose around a URL (`“…”`, `…`, `、`, `）`), never part of a name. */
const UNICODE_PUNCTUATION = /[\p{P}\p{Z}]/u;
/** The ideographic, full-width and half-width full stops, which IDN reads as `.`. */
function isUnicodeDot(code: number): boolean {
  return code === 0x3002 || code === 0xff0e || code === 0xff61;
}

/**
 * Characters of a host text: ASCII letters, digits, `.`, `-`, `_`, `%` (the parser decodes it),
 * and non-ASCII letters, marks, digits and symbols (IDN, emoji names) and the IDN full stops.
 * Any other character ends the host: `:` starts the port, and `,;()[]{}|^$!*&+=`, Unicode
 * punctuation and spaces are the text around it.
 */
function isHostChar(code: number): boolean {
  if (code >= 128) return isUnicodeDot(code) || !UNICODE_PUNCTUATION.test(String.fromCharCode(code));
  return isAlphaNumeric(code) || code === 46 || code === 45 || code === 95 || code === 37;
}

/** The start of the special scheme whose name ends at `colon`, not preceded by a word character; -1 if none. */
function specialSchemeStart(line: string, colon: number): number {
  for (const name of SPECIAL_SCHEMES) {
    const start = colon - name.length;
    if (start < 0) continue;
    let same = true;
    for (let i = 0; i < name.length && same; i += 1) same = (line.charCodeAt(start + i) | 0x20) === name.charCodeAt(i);
    if (!same) continue;
    const before = start === 0 ? -1 : line.charCodeAt(start - 1);
    if (before !== -1 && (isAlphaNumeric(before) || before === 95)) continue;
    return start;
  }
  return -1;
}

/**
 * Reads authorities of one line. Their starts only grow, so the end found for one start holds for
 * every later start before it (no delimiter lies between): each character is scanned once.
 */
class AuthorityReader {
  private from = -1;
  end = -1;
  private lastAt = -1;

  constructor(private readonly line: string) {}

  /** Where the host text of the authority starting at `start` begins (after its last `@`); `end` is then where the authority ends. */
  read(start: number): number {
    if (start < this.from || start > this.end) {
      let i = start;
      let lastAt = -1;
      while (i < this.line.length && !endsAuthority(this.line.charCodeAt(i))) {
        if (this.line.charCodeAt(i) === 64) lastAt = i;
        i += 1;
      }
      this.from = start;
      this.end = i;
      this.lastAt = lastAt;
    }
    return this.lastAt >= start ? this.lastAt + 1 : start;
  }
}

/** The host and port at `start` (bounded by `end`), parsed; null when they name no internet host. */
function hostAt(line: string, start: number, end: number, index: number): HostReference | null {
  let after: number;
  if (line.charCodeAt(start) === 91) {
    // A bounded search: `line.indexOf(']')` would run to the end of the line from every `[`.
    let close = start + 1;
    const last = Math.min(end, start + MAX_IPV6);
    while (close < last && line.charCodeAt(close) !== 93) close += 1;
    if (close >= last) return null;
    after = close + 1;
  } else {
    // A single label of letters is no internet host: known without asking the parser. A label
    // that may be a number (`3405803783`, `0x7f000001`) or may hold a dot once decoded (`%2e`,
    // a full-width dot) still goes to the parser.
    let parse = false;
    after = start;
    for (let code = line.charCodeAt(after); after < end && after - start < MAX_HOST && isHostChar(code); code = line.charCodeAt(after)) {
      if (code === 46 || code === 37 || code >= 128 || (code >= 48 && code <= 57)) parse = true;
      after += 1;
    }
    if (!parse) return null;
  }
  const parsed = readHostText(line.slice(start, after));
  if (parsed === null || (!parsed.unparsed && !parsed.host.includes('.') && !isAddress(parsed.host))) return null;
  let port: string | null = null;
  if (line.charCodeAt(after) === 58) {
    let digits = after + 1;
    while (digits < end && digits - after <= 5 && line.charCodeAt(digits) >= 48 && line.charCodeAt(digits) <= 57) digits += 1;
    if (digits > after + 1) port = String(Number(line.slice(after + 1, digits)));
  }
  return { host: parsed.host, port, index };
}

/** `https:…`, `HTTP://…`, `wss:…`, and any other `scheme://…`. */
function schemeHosts(line: string, out: HostReference[]): void {
  const reader = new AuthorityReader(line);
  for (let colon = line.indexOf(':'); colon !== -1; colon = line.indexOf(':', colon + 1)) {
    let start = specialSchemeStart(line, colon);
    let authority = colon + 1;
    if (start !== -1) {
      // The parser's "special authority ignore slashes" state: any run of `/` and `\`.
      while (authority < line.length && (line.charCodeAt(authority) === 47 || line.charCodeAt(authority) === 92)) authority += 1;
    } else {
      if (line.charCodeAt(colon + 1) !== 47 || line.charCodeAt(colon + 2) !== 47) continue;
      start = colon;
      while (start > 0 && colon - start < MAX_SCHEME && isSchemeChar(line.charCodeAt(start - 1))) start -= 1;
      while (start < colon && !isAlphaNumeric(line.charCodeAt(start))) start += 1;
      if (start === colon || LOCAL_SCHEMES.has(line.slice(start, colon).toLowerCase())) continue;
      authority = colon + 3;
    }
    const host = reader.read(authority);
    const reference = hostAt(line, host, reader.end, start);
    if (reference) out.push(reference);
  }
}

/** `git@host:path`, the scp-like form of an SSH remote. */
function gitRemoteHosts(line: string, out: HostReference[]): void {
  for (let at = line.indexOf('git@'); at !== -1; at = line.indexOf('git@', at + 4)) {
    const before = at === 0 ? -1 : line.charCodeAt(at - 1);
    // Not inside a word, and not the userinfo of a `ssh://git@host` URL (read as a URL already).
    if (before !== -1 && (isAlphaNumeric(before) || before === 46 || before === 95 || before === 45 || before === 47)) continue;
    let end = at + 4;
    while (end < line.length && end - at < MAX_HOST && isHostChar(line.charCodeAt(end))) end += 1;
    if (line.charCodeAt(end) !== 58) continue;
    const reference = hostAt(line, at + 4, end, at);
    if (reference) out.push(reference);
  }
}

/** `"//host/…"`, `'//host'`, `` `//host` ``, `=//host`, `(//host`: a link that keeps the page's scheme. */
function protocolRelativeHosts(line: string, out: HostReference[]): void {
  const reader = new AuthorityReader(line);
  for (let at = line.indexOf('//'); at !== -1; at = line.indexOf('//', at + 2)) {
    const before = at === 0 ? -1 : line.charCodeAt(at - 1);
    if (before !== 34 && before !== 39 && before !== 96 && before !== 61 && before !== 40) continue;
    const host = reader.read(at + 2);
    const reference = hostAt(line, host, reader.end, at);
    if (reference) out.push(reference);
  }
}

/** The hosts a line references, in order of kind (scheme-led URLs, git remotes, protocol-relative links). */
export function findHosts(line: string): HostReference[] {
  const out: HostReference[] = [];
  if (line.includes(':')) schemeHosts(line, out);
  if (line.includes('git@')) gitRemoteHosts(line, out);
  if (line.includes('//')) protocolRelativeHosts(line, out);
  return out;
}
