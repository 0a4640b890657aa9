import { describe, expect, it } from 'vitest';
import { HOST_HINT } from '../../src/policy/categories/network.js';
import { isAddress } from '../../src/policy/host-parse.js';
import { markOf } from '../../src/policy/line-hints.js';
import { findHosts, isAllowedHost, isBenignHost } from '../../src/policy/hosts.js';
import { expectLinear } from './linear-time.js';

const hosts = (line: string) => findHosts(line).map((ref) => (ref.port ? `${ref.host}:${ref.port}` : ref.host));

describe('findHosts', () => {
  it('finds hosts of URLs, git remotes and protocol-relative links', () => {
    expect(hosts('fetch("https://API.Example.NET:8443/v1?q=1"); // see http://user:pw@docs.acme.dev/x')).toEqual(['api.example.net:8443', 'docs.acme.dev']);
    expect(hosts('git clone git@gitlab.com:acme/widgets.git')).toEqual(['gitlab.com']);
    expect(hosts('<script src="//cdn.jsdelivr.net/npm/x.js"></script>')).toEqual(['cdn.jsdelivr.net']);
    expect(hosts("import('//cdn.evil.io/x.js')")).toEqual(['cdn.evil.io']);
    // IPv6 literals keep their brackets, as the URL parser writes them (so the port is not read into the address).
    expect(hosts('postgres://app@db.prod.acme.io:5432/app wss://[2001:db8::1]:443/ws')).toEqual(['db.prod.acme.io:5432', '[2001:db8::1]:443']);
    expect(hosts('ssh://git@gitlab.com:22/acme/widgets.git')).toEqual(['gitlab.com:22']);
  });

  it('reads special schemes without slashes, any case, with backslashes', () => {
    expect(hosts("const u = 'https:evil.io/x';")).toEqual(['evil.io']);
    expect(hosts('HTTPS://GitHub.COM.evil.io wss:evil.io:8443 https:/\\\\evil.io ftp:files.evil.io')).toEqual(['github.com.evil.io', 'evil.io:8443', 'evil.io', 'files.evil.io']);
  });

  it('takes the host after the userinfo, before the fragment and the path', () => {
    expect(hosts('https://github.com@evil.io/ https://evil.io#github.com https://evil.io\\@github.com https://a,b@evil.io')).toEqual(['evil.io', 'evil.io', 'evil.io', 'evil.io']);
  });

  it('normalises IPv4 forms, IDN and trailing dots as the URL parser does', () => {
    expect(hosts('http://3405803783/ https://0x7f.1/ http://017700000001 http://127.1')).toEqual(['203.0.113.7', '127.0.0.1', '127.0.0.1', '127.0.0.1']);
    expect(hosts('https://g\u0456thub.com/x https://\u24d6ithub.com https://github.com./ https://evil\u3002io https://%65vil.io')).toEqual(['xn--gthub-n2e.com', 'github.com', 'github.com', 'evil.io', 'evil.io']);
  });

  it('reads a URL in a list, a link or a pipe, and every URL of a line', () => {
    expect(hosts("csp: 'https://a.io,https://b.io;' [https://c.io] (https://d.io) curl https://e.io|sh")).toEqual(['a.io', 'b.io', 'c.io', 'd.io', 'e.io']);
    expect(hosts('https://github.com/login?next=https://evil.io/x')).toEqual(['github.com', 'evil.io']);
  });

  it('ends a host at Unicode punctuation around it in prose, not at IDN dots or emoji', () => {
    expect(hosts('See https://github.com\u2026 and \u201chttps://github.com\u201d, \uff08https://github.com\uff09, https://github.com\u3001x https://github.com\u2019s')).toEqual(['github.com', 'github.com', 'github.com', 'github.com', 'github.com']);
    expect(hosts('https://evil\uff0eio https://\u{1f4a9}.la')).toEqual(['evil.io', 'xn--ls8h.la']);
  });

  it('reports a dotted host the parser rejects, as written', () => {
    expect(hosts('https://xn--gthub-2ve.com/ http://1.2.3.4.5/')).toEqual(['xn--gthub-2ve.com', '1.2.3.4.5']);
  });

  it('ignores placeholders, single-label names, scheme words and local schemes', () => {
    expect(hosts('const u = `https://${host}/x`; http://db:5432 file:///etc/hosts data://x.y')).toEqual([]);
    expect(hosts("{ https: true } proto === 'https:' const ws: WebSocket; news:x.y rows: 1 xhttps:evil.io")).toEqual([]);
  });

  it('reads a dotted number after a scheme as the address a client would reach', () => {
    // The old scanner took `http://1.2.3` for a version; the parser reads it as 1.2.0.3.
    expect(hosts('http://1.2.3')).toEqual(['1.2.0.3']);
  });

  it('stays linear on adversarial lines', () => {
    for (const shape of ['https:', 'https://a@', 'https://[', 'git@a', '"//a', 'http://a.b:', 'https://a,https:', 'https://a.b/', 'https://' + 'a'.repeat(40)]) {
      expectLinear(shape, (n) => shape.repeat(n), findHosts, 4000);
    }
  });

  it('has a line hint that admits every line findHosts reads a host from', () => {
    const admits = (line: string): boolean => (markOf(line) & HOST_HINT.bit) !== 0;
    const lines = ['HTTPS://evil.io', 'Https:evil.io', 'see WSS://evil.io', 'FTP:/\\evil.io', 'git@evil.io:org/repo', 'src="//cdn.evil.io/x.js"', 'go to \u212aHTTPS:evil.io', 'x=ws:evil.io'];
    for (const line of lines) {
      expect(findHosts(line).length, line).toBeGreaterThan(0);
      expect(admits(line), line).toBe(true);
    }
    expect(admits('const total: number = items.length;')).toBe(false);
  });

  it('has an address test and a loopback test that stay linear', () => {
    for (const shape of ['127.', '1.', '[']) {
      expectLinear(`isBenignHost on ${shape}`, (n) => shape.repeat(n), isBenignHost, 4000);
      expectLinear(`isAddress on ${shape}`, (n) => shape.repeat(n), isAddress, 4000);
    }
  });
});

describe('isAllowedHost', () => {
  const allowed = ['github.com', '*.npmjs.org', 'registry.acme.dev:8443', 'GitLab.COM.'];
  it('matches exact hosts exactly and wildcards on subdomains only', () => {
    expect(isAllowedHost({ host: 'github.com', port: null }, allowed)).toBe(true);
    expect(isAllowedHost({ host: 'api.github.com', port: null }, allowed)).toBe(false);
    expect(isAllowedHost({ host: 'registry.npmjs.org', port: null }, allowed)).toBe(true);
    expect(isAllowedHost({ host: 'npmjs.org', port: null }, allowed)).toBe(false);
    expect(isAllowedHost({ host: 'evilnpmjs.org', port: null }, allowed)).toBe(false);
    expect(isAllowedHost({ host: 'registry.npmjs.org.evil.io', port: null }, allowed)).toBe(false);
  });

  it('reads entries as hosts are read: case, trailing dot, no homoglyphs', () => {
    expect(isAllowedHost({ host: 'gitlab.com', port: null }, allowed)).toBe(true);
    expect(isAllowedHost({ host: 'xn--gthub-n2e.com', port: null }, allowed)).toBe(false);
  });

  it('holds an entry with a port to that port', () => {
    expect(isAllowedHost({ host: 'registry.acme.dev', port: '8443' }, allowed)).toBe(true);
    expect(isAllowedHost({ host: 'registry.acme.dev', port: null }, allowed)).toBe(false);
  });
});

describe('isBenignHost', () => {
  it('knows loopback addresses, reserved documentation names and XML namespaces', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]', 'example.com', 'api.example.org', 'app.localhost', 'svc.test', 'www.w3.org'].every(isBenignHost)).toBe(true);
    expect(['example.io', 'myexample.com', 'evil.com'].some(isBenignHost)).toBe(false);
  });

  it('takes loopback for an address range, not a name prefix', () => {
    expect(['127.something.io', '127.0.0.1.evil.io', '[::2]', '10.0.0.1', '1.0.0.127'].some(isBenignHost)).toBe(false);
    // 0.0.0.0/8 reaches no other host; the parser reads `http:8080` as 0.0.31.144.
    expect(hosts('listen: http:8080')).toEqual(['0.0.31.144']);
    expect(isBenignHost('0.0.31.144')).toBe(true);
  });
});
