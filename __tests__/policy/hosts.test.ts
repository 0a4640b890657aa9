import { describe, expect, it } from 'vitest';
import { findHosts, isAllowedHost, isBenignHost } from '../../src/policy/hosts.js';

const hosts = (line: string) => findHosts(line).map((ref) => (ref.port ? `${ref.host}:${ref.port}` : ref.host));

describe('findHosts', () => {
  it('finds hosts of URLs, git remotes and protocol-relative links', () => {
    expect(hosts('fetch("https://API.Example.NET:8443/v1?q=1"); // see http://user:pw@docs.acme.dev/x')).toEqual(['api.example.net:8443', 'docs.acme.dev']);
    expect(hosts('git clone git@gitlab.com:acme/widgets.git')).toEqual(['gitlab.com']);
    expect(hosts('<script src="//cdn.jsdelivr.net/npm/x.js"></script>')).toEqual(['cdn.jsdelivr.net']);
    expect(hosts('postgres://app@db.prod.acme.io:5432/app wss://[2001:db8::1]:443/ws')).toEqual(['db.prod.acme.io:5432', '2001:db8::1:443']);
  });

  it('ignores placeholders, single-label names, versions and local schemes', () => {
    expect(hosts('const u = `https://${host}/x`; http://db:5432 http://1.2.3 file:///etc/hosts data://x.y')).toEqual([]);
  });
});

describe('isAllowedHost', () => {
  const allowed = ['github.com', '*.npmjs.org', 'registry.acme.dev:8443'];
  it('matches exact hosts exactly and wildcards on subdomains only', () => {
    expect(isAllowedHost({ host: 'github.com', port: null }, allowed)).toBe(true);
    expect(isAllowedHost({ host: 'api.github.com', port: null }, allowed)).toBe(false);
    expect(isAllowedHost({ host: 'registry.npmjs.org', port: null }, allowed)).toBe(true);
    expect(isAllowedHost({ host: 'npmjs.org', port: null }, allowed)).toBe(false);
    expect(isAllowedHost({ host: 'evilnpmjs.org', port: null }, allowed)).toBe(false);
  });

  it('holds an entry with a port to that port', () => {
    expect(isAllowedHost({ host: 'registry.acme.dev', port: '8443' }, allowed)).toBe(true);
    expect(isAllowedHost({ host: 'registry.acme.dev', port: null }, allowed)).toBe(false);
  });
});

describe('isBenignHost', () => {
  it('knows loopback, reserved documentation names and XML namespaces', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', 'example.com', 'api.example.org', 'app.localhost', 'svc.test', 'www.w3.org'].every(isBenignHost)).toBe(true);
    expect(['example.io', 'myexample.com', 'evil.com'].some(isBenignHost)).toBe(false);
  });
});
