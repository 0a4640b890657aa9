import { describe, expect, it } from 'vitest';
import { buildAnnotations, MAX_ANNOTATIONS } from '../../src/render/annotations.js';
import { finding, gateResult, location, reviewStatus } from './result-factory.js';

describe('buildAnnotations', () => {
  it('annotates each offending line: deny as error, unmet review as warning, allow as notice', () => {
    const annotations = buildAnnotations(
      gateResult({
        verdict: 'fail',
        findings: [
          finding({ category: 'dependencies', level: 'allow', satisfied: true, message: 'updates vitest', locations: [location('package.json', 30, '"vitest": "4.1.12"')] }),
          finding({
            category: 'secrets',
            level: 'deny',
            message: 'adds what looks like an AWS access key',
            locations: [location('config/prod.env', 3, 'AWS_ACCESS_KEY_ID=AKIA…(redacted)')],
          }),
          finding({ category: 'network', level: 'review', message: 'references evil.example', reviewers: ['@acme/platform'], locations: [location('src/a.ts', 9, 'fetch("https://evil.example")')] }),
        ],
      }),
    );
    expect(annotations).toEqual([
      {
        level: 'error',
        file: 'config/prod.env',
        line: 3,
        title: 'Agent PR Gate: secrets (deny)',
        message: 'adds what looks like an AWS access key: AWS_ACCESS_KEY_ID=AKIA…(redacted). Denied for agents: remove the change, or an admin or maintainer (not the author or requester) applies the override label.',
      },
      {
        level: 'warning',
        file: 'src/a.ts',
        line: 9,
        title: 'Agent PR Gate: network (review)',
        message: 'references evil.example: fetch("https://evil.example"). Needs an approval from @acme/platform.',
      },
      {
        level: 'notice',
        file: 'package.json',
        line: 30,
        title: 'Agent PR Gate: dependencies (allow)',
        message: 'updates vitest: "vitest": "4.1.12". Allowed by the policy.',
      },
    ]);
  });

  it('annotates the file of a file-level finding without a line', () => {
    const annotations = buildAnnotations(
      gateResult({ verdict: 'needs-review', findings: [finding({ category: 'tests-weakened', message: 'deletes a test file', files: ['test/a.test.ts'] })] }),
    );
    expect(annotations).toEqual([
      { level: 'warning', file: 'test/a.test.ts', line: null, title: 'Agent PR Gate: tests-weakened (review)', message: 'deletes a test file. Needs a human approval.' },
    ]);
  });

  it('makes an overridden deny a warning and a satisfied review a notice', () => {
    const annotations = buildAnnotations(
      gateResult({
        findings: [
          finding({ category: 'workflows', level: 'deny', satisfied: true, message: 'changes ci.yml', files: ['.github/workflows/ci.yml'] }),
          finding({ category: 'custom', rule: 'billing', level: 'review', satisfied: true, message: 'calls stripe', locations: [location('billing/pay.ts', 4, 'stripe.charges')] }),
        ],
        reviews: reviewStatus({ override: { label: 'agent-pr-gate/override', by: 'carol', at: '2026-03-02T11:00:00Z' } }),
      }),
    );
    expect(annotations.map((a) => [a.level, a.title, a.message])).toEqual([
      ['warning', 'Agent PR Gate: workflows (deny)', 'changes ci.yml. Denied for agents, waived by the override label.'],
      ['notice', 'Agent PR Gate: custom: billing (review)', 'calls stripe: stripe.charges. Waived by the override label.'],
    ]);
  });

  it('keeps the most important 50 and says how many were left out', () => {
    const notices = finding({ level: 'allow', satisfied: true, message: 'n', locations: Array.from({ length: 40 }, (_, i) => location(`n${i}.ts`, 1)) });
    const errors = finding({ category: 'secrets', level: 'deny', message: 'e', locations: Array.from({ length: 30 }, (_, i) => location(`e${i}.ts`, 1)) });
    const warnings = finding({ category: 'network', message: 'w', locations: Array.from({ length: 30 }, (_, i) => location(`w${i}.ts`, 1)) });
    const annotations = buildAnnotations(gateResult({ verdict: 'fail', findings: [notices, errors, warnings] }));
    expect(annotations).toHaveLength(MAX_ANNOTATIONS);
    expect(annotations.filter((a) => a.level === 'error')).toHaveLength(30);
    expect(annotations.filter((a) => a.level === 'warning')).toHaveLength(19);
    expect(annotations.at(-1)).toEqual({
      level: 'notice',
      file: '',
      line: null,
      title: 'Agent PR Gate: more findings',
      message: '51 more annotations were left out (GitHub shows at most 10 per level per step and 50 per job); the PR comment and the report output list every finding.',
    });
  });

  it('does not repeat the same line for the same finding, and cuts long excerpts', () => {
    const long = 'x'.repeat(10_000);
    const annotations = buildAnnotations(
      gateResult({ verdict: 'needs-review', findings: [finding({ message: 'm', locations: [location('a.ts', 1, long), location('a.ts', 1, long)] })] }),
    );
    expect(annotations).toHaveLength(1);
    expect(annotations[0]?.message.length).toBeLessThanOrEqual(800);
  });

  it('gives a skipped PR no annotations', () => {
    expect(buildAnnotations(gateResult({ verdict: 'skipped', findings: [finding({ files: ['a.ts'] })] }))).toEqual([]);
  });
});
