import { describe, expect, it } from 'vitest';
import { emptyPolicy } from '../../src/config/policy.js';
import { normalizeWorkflowPath } from '../../src/policy/categories/gate-config.js';
import { POLICY_CATEGORIES } from '../../src/policy/category-list.js';
import { evaluatePolicy } from '../../src/policy/evaluate-policy.js';
import { MAX_LOCATIONS } from '../../src/policy/finding.js';
import { createSnapshot, policyFrom } from '../factories.js';
import { added, modified } from './corpus-helpers.js';

const run = (policy = policyFrom(), files = [added('src/a.ts', ['export {};'])]) => evaluatePolicy(policy, createSnapshot({ files }), { workflowPath: null });

describe('evaluatePolicy', () => {
  it('has one module per category, in the order findings are reported', () => {
    expect(POLICY_CATEGORIES.map((category) => category.id)).toEqual([
      'dependencies',
      'network',
      'workflows',
      'secrets',
      'tests-weakened',
      'gate-config',
      'sensitive-paths',
      'size',
      'custom',
    ]);
  });

  it('reports allow-level findings as satisfied and review/deny findings as not yet satisfied', () => {
    const policy = policyFrom({ permissions: { workflows: 'allow', secrets: 'deny', network: 'review' } });
    const findings = run(policy, [added('.github/workflows/ci.yml', ['on: push', 'env: { URL: "https://hooks.acme.dev" }']), added('.env', ['A=1'])]);
    expect(findings.map((finding) => [finding.category, finding.level, finding.satisfied])).toEqual([
      ['network', 'review', false],
      ['workflows', 'allow', true],
      ['secrets', 'deny', false],
    ]);
  });

  it('keeps the first 50 locations of a finding but counts every match in the message', () => {
    const policy = policyFrom({ permissions: { 'tests-weakened': 'review' } });
    const lines = Array.from({ length: 120 }, (_, i) => `it.skip('case ${i}', () => {});`);
    const [finding] = run(policy, [added('src/many.test.ts', lines)]);
    expect(finding?.message).toBe('adds `it.skip` in src/many.test.ts');
    expect(finding?.locations).toHaveLength(MAX_LOCATIONS);
    expect(finding?.locations.at(-1)).toEqual({ file: 'src/many.test.ts', line: 50, excerpt: "it.skip('case 49', () => {});" });
    const custom = run(policyFrom({ permissions: { custom: [{ name: 'skips', level: 'review', 'added-lines': ['it\\.skip'] }] } }), [added('src/many.test.ts', lines)]);
    expect(custom.find((f) => f.category === 'custom')?.message).toBe('adds 120 lines matching `it\\.skip` in src/many.test.ts');
  });

  it('redacts a secret in the excerpt of any category, not only secrets', () => {
    const token = ['ghp', '_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'].join('');
    const policy = policyFrom({ permissions: { custom: [{ name: 'config', level: 'review', 'added-lines': ['GITHUB_TOKEN'] }] } });
    const [finding] = run(policy, [added('deploy/env.sh', [`export GITHUB_TOKEN=${token}`])]).filter((f) => f.category === 'custom');
    expect(finding?.locations).toEqual([{ file: 'deploy/env.sh', line: 1, excerpt: 'export GITHUB_TOKEN=ghp_…(40 chars)' }]);
  });

  it('hides a secret that reaches a message through a parsed manifest', () => {
    const token = ['ghp', '_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'].join('');
    const policy = policyFrom({ permissions: { dependencies: 'review' } });
    const findings = run(policy, [modified('requirements.txt', `@@ -1 +1,2 @@\n flask==3.0.3\n+git+https://${token}@github.com/acme/private-lib.git`)]);
    expect(findings[0]?.message).toBe('adds git+https://ghp_…(40 chars)@github.com/acme/private-lib.git');
  });

  it('reports a pattern the policy parser would have rejected instead of throwing', () => {
    const policy = emptyPolicy();
    policy.permissions.custom = [{ name: 'broken', level: 'review', paths: [], addedLines: ['(unclosed'], reviewers: [] }];
    const findings = run(policy);
    expect(findings.map((finding) => [finding.rule, finding.message])).toEqual([['broken', expect.stringMatching(/^cannot use pattern `\(unclosed`: is not a valid pattern/)]]);
  });

  it('does not read files whose patch GitHub omitted', () => {
    const policy = policyFrom({ permissions: { secrets: 'deny', custom: [{ name: 'all', level: 'review', 'added-lines': ['.'] }] } });
    const findings = run(policy, [{ path: 'dist/bundle.js', previousPath: null, status: 'modified', additions: 90, deletions: 10, patch: null }]);
    expect(findings).toEqual([]);
  });

  it('matches a pathological user pattern on a 1 MB adversarial line in linear time', () => {
    const policy = policyFrom({ permissions: { custom: [{ name: 'redos', level: 'review', 'added-lines': ['(a+)+$', '(x|xx)+y', '^(\\w+\\s?)*$'] }] } });
    const line = `${'a'.repeat(1_000_000)}!`;
    const started = performance.now();
    const findings = run(policy, [added('src/huge.ts', [line])]);
    const elapsed = performance.now() - started;
    expect(findings.filter((finding) => finding.category === 'custom')).toEqual([]);
    // Backtracking engines take forever here; RE2JS takes a few milliseconds per pattern.
    expect(elapsed).toBeLessThan(2000);
  });

  it('runs the built-in patterns in linear time on adversarial 1 MB lines', () => {
    const policy = policyFrom({ permissions: { dependencies: 'review', network: 'review', secrets: 'deny', 'tests-weakened': 'review' } });
    const lines = [
      'eyJ'.repeat(350_000),
      'eyJa.'.repeat(200_000),
      'curl '.repeat(200_000),
      'token='.repeat(170_000),
      `https://${'a.'.repeat(500_000)}`,
      '-----BEGIN '.repeat(90_000),
      ' '.repeat(1_000_000),
      'npm install '.repeat(90_000),
    ];
    const started = performance.now();
    run(policy, [added('scripts/huge.sh', lines), added('package.json', ['{', `"dependencies": {${'"a": "1", '.repeat(100_000)}}`, '}'])]);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('normalizeWorkflowPath', () => {
  it('accepts a path or the GITHUB_WORKFLOW_REF form', () => {
    expect(normalizeWorkflowPath('acme/widgets/.github/workflows/gate.yml@refs/heads/main')).toBe('.github/workflows/gate.yml');
    expect(normalizeWorkflowPath('./.github/workflows/gate.yml')).toBe('.github/workflows/gate.yml');
    expect(normalizeWorkflowPath(null)).toBeNull();
  });
});
