import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactSecret } from '../../src/policy/redact-secret.js';
import { looksLikeSecretValue, redactLine, redactSecrets, scanSecretLine, scanSecretText, SECRET_PREFILTER } from '../../src/policy/secret-scan.js';
import { MAX_MATCHES_PER_LINE } from '../../src/policy/secrets/generated-rules.js';
import { KeywordIndex } from '../../src/policy/keyword-index.js';
import { mayHoldSecret } from '../../src/policy/secrets/prefilter.js';
import { randomish } from '../adversarial/secret-tokens.js';

const GITHUB_TOKEN = ['ghp', '_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'].join('');
const FINE_GRAINED = ['github', '_pat_', '11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789abcdefghijklmnopqrstuv'].join('');

const kinds = (text: string, options = {}) => scanSecretLine(text, options).filter((span) => span.reported).map((span) => span.kind);

describe('redactSecret', () => {
  it('keeps at most the first 4 characters and the length', () => {
    expect(redactSecret(GITHUB_TOKEN)).toBe('ghp_…(40 chars)');
    expect(redactSecret('abcdefgh')).toBe('ab…(8 chars)');
    expect(redactSecret('abc')).toBe('…(3 chars)');
  });
});

describe('scanSecretLine', () => {
  it.each([
    ['AWS access key ID', `aws_access_key_id = ${['AKIA', 'Q3EGRP7LZ2MN4HXB'].join('')}`],
    ['GitHub token', `token: ${GITHUB_TOKEN}`],
    ['GitHub token', `GH=${FINE_GRAINED}`],
    ['Slack token', `slack: ${['xoxp', '-1234567890-0987654321-AbCdEfGhIj'].join('')}`],
    ['Stripe live key', `Stripe.apiKey = "${['sk', '_live_', '4eC39HqLyjWDarjtT1zdp7dc'].join('')}";`],
    ['Google API key', `key=${['AIza', 'SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q'].join('')}`],
    ['private key', '-----BEGIN OPENSSH PRIVATE KEY-----'],
    ['JWT', `jwt = "${['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIn0', 'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'].join('.')}"`],
    ['secret assigned to a credential name', 'export API_KEY=Q7fK2mZ9xLw4TpV8nB3cR6hJ'],
    ['secret assigned to a credential name', '  "client_secret": "Q7fK2mZ9xLw4TpV8nB3cR6hJ",'],
    ['password in URL', 'redis://default:Zr8qL2mX9vK4tP7w@cache.internal:6379'],
  ])('finds a %s', (kind, line) => {
    expect(kinds(line)).toEqual([kind]);
  });

  it.each([
    ['a lockfile integrity hash', '"integrity": "sha512-wS+hAgJShR0KhEvPJArfuPVN1+Hz1t0Y6n5jLrGQbkb4urgPE/0Rve+1kMB1v/oWgHgm4WIcV+i7F2pTVj+2iQ=="'],
    ['a go.sum line', 'github.com/google/uuid v1.6.0 h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0='],
    ['a GitHub Actions secret reference', 'token: ${{ secrets.NPM_TOKEN }}'],
    ['an environment lookup', 'const token = process.env.GITHUB_TOKEN_FOR_RELEASES;'],
    ['a placeholder', 'api_key: <your-api-key-goes-here>'],
    ['filler', 'password = "xxxxxxxxxxxxxxxxxxxxxxxxxxxx"'],
    ['changeme', 'DB_PASSWORD=changeme-in-production-2024'],
    ['a sentence', 'const message = "Your token has expired, please sign in again 42 times";'],
    ['a sha256 checksum', 'sha256_token_checksum = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"'],
    ['a URL in a token setting', 'token_url = "https://auth.acme.dev/oauth2/v1/token?grant=client_credentials"'],
    ['a type annotation', 'password: string;'],
    ['a comparison', 'if (token === expectedToken123456789012345) {'],
    ['a file path', 'const tokenFile = "config/tokens/production.json";'],
    ['a dotted property path', 'secret = settings.providers.github.clientSecret2;'],
  ])('ignores %s', (_what, line) => {
    expect(kinds(line)).toEqual([]);
  });

  it('still recognises credentials inside lockfiles, but not their hex hashes', () => {
    expect(kinds(`"resolved": "https://x:${GITHUB_TOKEN}@npm.pkg.github.com/a.tgz"`, { checksums: true })).toEqual(['GitHub token']);
    expect(kinds('token = "Q7fK2mZ9xLw4TpV8nB3cR6hJ"', { checksums: true })).toEqual(['secret assigned to a credential name']);
    expect(kinds('token = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b"', { checksums: true })).toEqual([]);
    expect(kinds('token = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b"')).toEqual(['secret assigned to a credential name']);
  });

  it('hides documentation example keys in excerpts without reporting them', () => {
    const spans = scanSecretLine('AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE');
    expect(spans.map((span) => [span.kind, span.reported])).toEqual([['AWS access key ID', false]]);
  });
});

describe('looksLikeSecretValue', () => {
  it('needs 20+ characters, letters and digits, and randomness', () => {
    expect(looksLikeSecretValue('Q7fK2mZ9xLw4TpV8nB3cR6hJ')).toBe(true);
    expect(looksLikeSecretValue('Q7fK2mZ9xLw4TpV8nB3')).toBe(false);
    expect(looksLikeSecretValue('abcdefghijklmnopqrstuvwxyz')).toBe(false);
    expect(looksLikeSecretValue('aaaaaaaaaa1111111111')).toBe(false);
  });
});

describe('scanSecretText and redaction', () => {
  const block = ['const pem = `', '-----BEGIN PRIVATE KEY-----', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj', 'MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu', '-----END PRIVATE KEY-----', '`;'];

  it('reports a key block once and hides every line of its body', () => {
    const found = scanSecretText(block.map((text) => ({ text })));
    expect([...found.keys()]).toEqual([1, 2, 3, 4]);
    expect(found.get(1)?.spans.map((span) => span.kind)).toEqual(['private key']);
    expect(redactLine(block[1] ?? '', found.get(1))).toBe('-----BEGIN PRIVATE KEY-----');
    expect(redactLine(block[2] ?? '', found.get(2))).toBe('MIIE…(64 chars)');
    expect(redactLine(block[4] ?? '', found.get(4))).toBe('-----END PRIVATE KEY-----');
  });

  it('hides a one-line key (JSON service account) after its header', () => {
    const line = '"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSj\\n-----END PRIVATE KEY-----\\n",';
    expect(redactSecrets(line)).toBe('"private_key": "-----BEGIN PRIVATE KEY-----\\nMI…(44 chars)-----END PRIVATE KEY-----\\n",');
  });

  it('replaces every secret of a line with its redaction', () => {
    const aws = ['AKIA', 'Q3EGRP7LZ2MN4HXB'].join('');
    expect(redactSecrets(`creds = { id: "${aws}", gh: "${GITHUB_TOKEN}" }`)).toBe('creds = { id: "AKIA…(20 chars)", gh: "ghp_…(40 chars)" }');
  });
});

describe('mayHoldSecret (the line prefilter)', () => {
  const alternatives = SECRET_PREFILTER.source.toLowerCase().split('|');
  const admitsLikeRegex = (text: string) => {
    const regex = new RegExp(SECRET_PREFILTER.source, 'i').test(text);
    if (regex) expect(mayHoldSecret(text), text).toBe(true);
  };

  it('admits every line the hand-written rules’ prefilter admits (each alternative, and near misses)', () => {
    const samples = ['akia', 'asia', 'abia', 'acca', 'a3t', 'ghp_', 'gho_', 'ghx_', 'github_pat_', 'glpat-', 'xox', 'hooks.slack', 'hooksxslack', '_live_', 'whsec_', 'aiza', 'npm_', 'pypi-', 'sk-', 'eyj', 'earer', 'private key', 'https://u:p@h', 'https://x/@', 'secret', 'token', 'passw', 'pwd', 'apikey', 'api_key', 'api__key', 'accesskey', 'access-key', 'credential', 'authkey', 'signing_key', 'encryption.key', 'acces', 'ac', 'a', ''];
    for (const sample of samples) admitsLikeRegex(` ${sample} `);
    expect(mayHoldSecret(' https://x/@ ')).toBe(false);
    expect(mayHoldSecret(' api__key ')).toBe(false);
    expect(alternatives.length).toBe(30);
  });

  it('admits every line the hand-written rules’ prefilter admits (generated text)', () => {
    const pieces = [...alternatives.map((alternative) => alternative.replace(/\\/g, '').replace('[pousr]', 'p').replace('.?', '_').replace('[^\\s/]{1,200}', 'u:p')), 'a', 'c', 'e', 'g', 'h', 'i', 'k', 'p', 's', 't', '_', '-', '.', ':', '/', '@', ' ', 'x', 'A', 'K', 'Y'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => admitsLikeRegex(parts.join(''))),
      { numRuns: 2000 },
    );
  });

  it('admits a line holding a generated rule’s keyword or fragment, and not a plain one', () => {
    expect(mayHoldSecret('const client = new algoliasearch(appid);')).toBe(true);
    expect(mayHoldSecret(`x = ${'s.'}${'a1'.repeat(12)}`)).toBe(true);
    expect(mayHoldSecret('return items.reduce((sum, item) => sum + item.price, 0);')).toBe(false);
    expect(mayHoldSecret('the monkey has a key')).toBe(false);
  });
});

describe('generated provider rules', () => {
  const sendgrid = ['S', 'G.', randomish(22, undefined, 2), '.', randomish(43, undefined, 3)].join('');
  const slackApp = ['xa', 'pp-1-', randomish(11, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 4), '-', randomish(13, '0123456789', 5), '-', randomish(64, '0123456789abcdef', 6)].join('');

  it('names the gitleaks rule that found a secret', () => {
    expect(kinds(`mail = "${sendgrid}"`)).toEqual(['sendgrid-api-token']);
    expect(kinds(`  app: ${slackApp}`)).toEqual(['slack-app-token']);
    expect(kinds(`  APP: ${slackApp.toUpperCase()}`.replace('XAPP', 'xapp'))).toEqual(['slack-app-token']);
  });

  it('applies a path rule only to its files', () => {
    const line = `  administrator_login_password = "${randomish(14, undefined, 30)}"`;
    expect(kinds(line, { path: 'infra/db.tf' })).toEqual(['hashicorp-tf-password']);
    expect(kinds(line, { path: 'INFRA/DB.HCL' })).toEqual(['hashicorp-tf-password']);
    expect(kinds(line, { path: 'src/db.ts' })).toEqual([]);
    const scanned = scanSecretText([{ text: line }], { path: 'main.tf' });
    expect(scanned.get(0)?.spans.map((span) => span.kind)).toEqual(['hashicorp-tf-password']);
  });

  it('drops a match below the rule’s entropy, and one inside a checksum', () => {
    expect(kinds(`x = "dapi${'0123'.repeat(8)}"`)).toEqual([]);
    const hex = randomish(32, '0123456789abcdef', 31);
    expect(kinds(`twilio = "S${'K'}${hex}"`)).toEqual(['twilio-api-key']);
    expect(kinds(`"integrity": "sha512-abcS${'K'}${hex}xyz=="`)).toEqual([]);
    expect(kinds(`image: app@sha256:S${'K'}${hex}`)).toEqual([]);
  });

  it('hides gitleaks-allowlisted values without reporting them', () => {
    const spans = scanSecretLine(`id = ${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}`);
    expect(spans.map((span) => [span.reported])).toEqual([[false]]);
  });

  it('hides the rest of a line past the per-rule match limit', () => {
    const token = (seed: number) => ['S', 'G.', randomish(22, undefined, seed), '.', randomish(43, undefined, seed + 1)].join('');
    const line = Array.from({ length: MAX_MATCHES_PER_LINE + 3 }, (_, i) => token(100 + 2 * i)).join(' ');
    const spans = scanSecretLine(line);
    const reported = spans.filter((span) => span.reported);
    expect(reported).toHaveLength(MAX_MATCHES_PER_LINE);
    expect(spans.at(-1)?.end).toBe(line.length);
    expect(redactLine(line, { spans, inKeyBlock: false })).not.toContain(token(100 + 2 * (MAX_MATCHES_PER_LINE + 2)).slice(4, 30));
  });
});

describe('KeywordIndex', () => {
  it('finds exactly the keywords a text holds, in any case, and marks exactly their bits', () => {
    const words = ['ab', 'abc', 'bca', 'c', 'xyz', 'b-c', 'a.b'];
    const index = new KeywordIndex(words.map((word) => [word, word] as const));
    const masked = new KeywordIndex(words.map((word, bit) => [word, { bit: 1 << bit, length: word.length, check: null }] as const));
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'A', 'B', 'C', '-', '.', 'x', 'y', 'z', 'İ', ' '), { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        const lower = text.toLowerCase();
        expect([...index.find(text)].sort()).toEqual(words.filter((word) => lower.includes(word)).sort());
        expect(masked.maskOf(text, 0, text.length)).toBe(words.reduce((mask, word, bit) => (lower.includes(word) ? mask | (1 << bit) : mask), 0));
      }),
      { numRuns: 1000 },
    );
  });
});
