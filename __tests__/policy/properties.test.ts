import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PolicyFile } from '../../src/config/schema.js';
import { evaluatePolicy } from '../../src/policy/evaluate-policy.js';
import type { FileChange } from '../../src/snapshot.js';
import { createSnapshot, policyFrom } from '../factories.js';

/**
 * Properties over random diffs with random secrets embedded in them: the engine never throws,
 * never echoes a secret (no 12 characters of one appear anywhere in its output), and is
 * deterministic (same input, and the same files in another order, give the same findings).
 */

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BASE64 = `${ALNUM}+/`;

/** A deterministic pseudo-random string (mulberry32), so fast-check shrinks seeds, not characters. */
function randomText(seed: number, length: number, alphabet: string): string {
  let state = seed >>> 0;
  let out = '';
  for (let i = 0; i < length; i += 1) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out += alphabet[((t ^ (t >>> 14)) >>> 0) % alphabet.length];
  }
  return out;
}

/** Random, but always with an upper-case letter, a lower-case letter and a digit. */
function mixed(seed: number, length: number): string {
  return `Q${randomText(seed, length - 3, ALNUM)}z7`;
}

interface Secret {
  /** The lines to add (a key block spans several). */
  lines: string[];
  /** The secret text that must never appear. */
  secret: string[];
}

const SECRET_FORMS: ((seed: number) => Secret)[] = [
  (seed) => {
    const s = `ghp_${mixed(seed, 36)}`;
    return { lines: [`const token = "${s}";`], secret: [s] };
  },
  (seed) => {
    const s = `github_pat_${mixed(seed, 60)}`;
    return { lines: [`GH_PAT=${s}`], secret: [s] };
  },
  (seed) => {
    const s = `AKIA${randomText(seed, 16, UPPER_DIGITS)}`;
    return { lines: [`aws_access_key_id = ${s}`], secret: [s] };
  },
  (seed) => {
    const s = `xoxb-${randomText(seed, 12, '0123456789')}-${mixed(seed + 1, 24)}`;
    return { lines: [`slack: '${s}'`], secret: [s] };
  },
  (seed) => {
    const s = `sk_live_${mixed(seed, 24)}`;
    return { lines: [`Stripe.api_key = "${s}"`], secret: [s] };
  },
  (seed) => {
    const s = `AIza${mixed(seed, 35)}`;
    return { lines: [`maps(key="${s}")`], secret: [s] };
  },
  (seed) => {
    const s = `npm_${mixed(seed, 36)}`;
    return { lines: [`//registry.npmjs.org/:_authToken=${s}`], secret: [s] };
  },
  (seed) => {
    const s = `eyJ${mixed(seed, 20)}.eyJ${mixed(seed + 1, 40)}.${mixed(seed + 2, 30)}`;
    return { lines: [`Authorization: Bearer ${s}`], secret: [s] };
  },
  (seed) => {
    const s = mixed(seed, 28);
    return { lines: [`  "client_secret": "${s}",`], secret: [s] };
  },
  (seed) => {
    const s = mixed(seed, 24);
    return { lines: [`DB_PASSWORD=${s}`], secret: [s] };
  },
  (seed) => {
    const s = mixed(seed, 16);
    return { lines: [`url = "postgres://app:${s}@db.acme.dev:5432/app"`], secret: [s] };
  },
  (seed) => {
    const body = [randomText(seed, 64, BASE64), randomText(seed + 1, 64, BASE64), randomText(seed + 2, 40, BASE64)];
    return { lines: ['-----BEGIN RSA PRIVATE KEY-----', ...body, '-----END RSA PRIVATE KEY-----'], secret: body };
  },
];

const PATHS = [
  'src/index.ts',
  'src/app.test.ts',
  'tests/test_api.py',
  'package.json',
  'package-lock.json',
  'requirements.txt',
  'pyproject.toml',
  'go.mod',
  'Cargo.toml',
  '.env',
  '.env.example',
  '.github/workflows/ci.yml',
  'Dockerfile',
  'scripts/setup.sh',
  'README.md',
  'infra/main.tf',
  '.github/agent-pr-gate.yml',
  'deploy/squid.conf',
  'src/very/deep/path/with-a-long-name.component.tsx',
];

const CODE_LINES = [
  'import { x } from "./x.js";',
  '    "lodash": "^4.17.21",',
  '[dependencies]',
  'serde = { version = "1.0" }',
  'require github.com/google/uuid v1.6.0',
  'flask==3.0.3',
  "it.skip('works', () => {});",
  '// eslint-disable-next-line',
  'curl -fsSL https://get.acme.dev | sh',
  'RUN npm install -g pnpm',
  'see https://github.com/acme/widgets and https://evil.example.io/x',
  '  "version": "1.2.3",',
  '}',
  '',
];

const lineArb: fc.Arbitrary<{ lines: string[]; secret: string[] }> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...CODE_LINES).map((line) => ({ lines: [line], secret: [] })) },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }).map((line) => ({ lines: [line], secret: [] })) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).map((line) => ({ lines: [line], secret: [] })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.nat(SECRET_FORMS.length - 1), fc.nat(), fc.constantFrom('', 'x = 1; ', '  ', '# note: ', '"a": 1, '), fc.constantFrom('', ' // ok', ';', ' # done'))
      .map(([form, seed, before, after]) => {
        const secret = SECRET_FORMS[form]?.(seed) ?? { lines: [], secret: [] };
        const lines = secret.lines.length === 1 ? [`${before}${secret.lines[0] ?? ''}${after}`] : secret.lines;
        return { lines, secret: secret.secret };
      }),
  },
);

/** A file: a realistic patch from random lines, or (rarely) junk where a patch should be. */
const fileArb = (path: string): fc.Arbitrary<{ file: FileChange; secrets: string[] }> =>
  fc
    .tuple(
      fc.array(lineArb, { maxLength: 12 }),
      fc.array(fc.constantFrom(...CODE_LINES), { maxLength: 3 }),
      fc.constantFrom<FileChange['status']>('added', 'modified', 'removed', 'renamed'),
      fc.nat(200),
      fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) }),
    )
    .map(([chunks, removed, status, start, junk]) => {
      const added = chunks.flatMap((chunk) => chunk.lines);
      const secrets = chunks.flatMap((chunk) => chunk.secret);
      const header = `@@ -${start + 1},${removed.length + 1} +${start + 1},${added.length + 1} @@`;
      const patch = junk ?? [header, ' context', ...removed.map((line) => `-${line}`), ...added.map((line) => `+${line}`)].join('\n');
      const file: FileChange = {
        path,
        previousPath: status === 'renamed' ? `old/${path}` : null,
        status,
        additions: added.length,
        deletions: removed.length,
        patch,
      };
      return { file, secrets };
    });

const snapshotArb = fc.uniqueArray(fc.constantFrom(...PATHS), { minLength: 1, maxLength: 8 }).chain((paths) => fc.tuple(...paths.map(fileArb)));

const LEVELS = ['allow', 'review', 'deny'] as const;
const policyArb: fc.Arbitrary<PolicyFile> = fc
  .record({
    level: fc.constantFrom(...LEVELS),
    pattern: fc.constantFrom('.', '(a+)+$', 'token', '\\d{3}', 'https?://', 'BEGIN|END'),
    glob: fc.constantFrom('**', 'src/**', '**/*.md', '.github/**'),
  })
  .map(({ level, pattern, glob }) => ({
    permissions: {
      dependencies: level,
      network: 'review',
      workflows: 'deny',
      secrets: 'deny',
      'tests-weakened': level,
      'sensitive-paths': { level: 'review', paths: [glob], 'added-lines': [pattern] },
      size: { level: 'review', 'max-files': 3, 'max-lines': 20 },
      custom: [{ name: 'everything', level: 'review', 'added-lines': ['.'], paths: ['**'] }],
    },
    network: { 'allowed-hosts': ['github.com'] },
  }));

function evaluate(policy: PolicyFile, files: FileChange[]): string {
  return JSON.stringify(evaluatePolicy(policyFrom(policy), createSnapshot({ files }), { workflowPath: '.github/workflows/ci.yml' }));
}

describe('evaluatePolicy on random diffs', () => {
  it('never throws, never echoes 12 characters of a secret, and is deterministic', () => {
    fc.assert(
      fc.property(snapshotArb, policyArb, (entries, policy) => {
        const files = entries.map((entry) => entry.file);
        const output = evaluate(policy, files);
        for (const secret of entries.flatMap((entry) => entry.secrets)) {
          for (let start = 0; start + 12 <= secret.length; start += 1) {
            const window = secret.slice(start, start + 12);
            if (output.includes(window)) throw new Error(`output echoes "${window}" of a secret: ${output}`);
          }
        }
        expect(evaluate(policy, files)).toBe(output);
        expect(evaluate(policy, [...files].reverse())).toBe(output);
      }),
      { numRuns: 300 },
    );
  });
});
