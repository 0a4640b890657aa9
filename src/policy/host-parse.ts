/**
 * A host as the WHATWG URL parser reads it (Node's `URL`, the parser `fetch` and browsers use):
 * percent-decoding, IDN names to punycode (UTS #46 mapping, so `ⓖithub.com` is `github.com` and a
 * Cyrillic `і` makes a different name), IPv4 in decimal, hex and octal forms to dotted decimal
 * (`3405803783`, `0x7f.1`, `127.1`), IPv6 to its canonical form in brackets, lower case. The
 * trailing dot of a fully qualified name is dropped. See docs/categories.md, "network".
 */

import { boundedMemo } from '../bounded-memo.js';

export interface ParsedHost {
  host: string;
  /** The parser rejected the text: `host` is the text as written, lower-cased. */
  unparsed: boolean;
}

const SHOWN_UNPARSED = 100;

function parseUncached(text: string): ParsedHost | null {
  let host: string;
  try {
    host = new URL(`http://${text}/`).hostname;
  } catch {
    // No URL client reaches a host its parser rejects, but other tools read URLs their own way:
    // a dotted name the parser refuses (`xn--bad.com`, `1.2.3.4.5`) is still reported, as written.
    const lower = text.toLowerCase();
    return lower.includes('.') ? { host: lower.slice(0, SHOWN_UNPARSED), unparsed: true } : null;
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  return host === '' ? null : { host, unparsed: false };
}

/**
 * The host named by `text` (a URL's host part, without userinfo or port), or null when the text
 * names none. Remembered (bounded): the same few hosts fill most lines.
 */
export const readHostText: (text: string) => ParsedHost | null = boundedMemo(10_000, parseUncached);

/** An IP literal as the parser serialises it: dotted-decimal IPv4 or bracketed IPv6. */
const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export function isAddress(host: string): boolean {
  return host.startsWith('[') || IPV4.test(host);
}
