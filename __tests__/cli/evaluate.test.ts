/**
 * `agent-pr-gate evaluate` on a saved snapshot (__tests__/fixtures/cli/copilot-pr.snapshot.json, a
 * Copilot PR that adds lodash and edits CI, approved only by its requester; its base commit has
 * `extends: default`), offline.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../src/render/render-comment.js';
import { cli, removeDir, tempDir } from './cli-harness.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'cli', 'copilot-pr.snapshot.json');
const NOW = '2026-03-02T11:00:00Z';

const dir = tempDir({
  'strict.yml': 'extends: strict\n',
  'observe.yml': 'extends: observe\n',
  'broken.json': '{ "repo": { "owner": "acme", ',
  'report.json': '{ "version": 1, "mode": "gate", "verdict": "pass" }\n',
  'bad-policy.yml': 'permissions:\n  secrets: nope\n',
});
copyFileSync(FIXTURE, join(dir, 'pr.json'));
afterAll(() => removeDir(dir));

interface Report {
  verdict: string;
  agent: { id: string; requester: string };
  findings: Array<{ category: string; level: string; satisfied: boolean }>;
  reviews: { required: number; counted: string[]; ignored: Array<{ login: string; reason: string }>; satisfied: boolean };
  metrics: { endToEnd: number; tier: string };
}

async function evaluateJson(...extra: string[]): Promise<Report> {
  const run = await cli(['evaluate', '--snapshot', 'pr.json', '--json', '--now', NOW, ...extra], { cwd: dir });
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

describe('agent-pr-gate evaluate', () => {
  it('prints the verdict line and the comment, with the snapshot and the policy named on stderr', async () => {
    const run = await cli(['evaluate', '--snapshot', 'pr.json', '--now', NOW], { cwd: dir });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Verdict: needs-review (copilot) — needs 1 more approval (0 of 1)', '', COMMENT_MARKER]);
    expect(run.stderr).toBe(
      [
        'snapshot: acme/search-service#418 at 9f1c2e7, evaluated at 2026-03-02T11:00:00.000Z',
        'policy: .github/agent-pr-gate.yml (saved in the snapshot from the base commit, extends default)',
        '',
      ].join('\n'),
    );
  });

  it('prints the report JSON with --json', async () => {
    const report = await evaluateJson();
    expect(report.verdict).toBe('needs-review');
    expect(report.agent).toMatchObject({ id: 'copilot', requester: 'alice-dev' });
    expect(report.findings.map((finding) => [finding.category, finding.level, finding.satisfied])).toEqual([
      ['dependencies', 'review', false],
      ['workflows', 'review', false],
    ]);
    expect(report.reviews).toMatchObject({ required: 1, counted: [], satisfied: false });
    expect(report.reviews.ignored).toEqual([{ login: 'alice-dev', reason: 'requester' }]);
    expect(report.metrics.endToEnd).toBe(6360);
  });

  it('runs the metrics of an open PR to --now', async () => {
    const later = await cli(['evaluate', '--snapshot', 'pr.json', '--json', '--now', '2026-03-02T12:14:00Z'], { cwd: dir });
    expect((JSON.parse(later.stdout) as Report).metrics.endToEnd).toBe(10800);
  });

  it('applies a local policy with --config instead of the saved one', async () => {
    expect((await evaluateJson('--config', 'strict.yml')).verdict).toBe('fail');
    const observed = await evaluateJson('--config', 'observe.yml');
    expect(observed.verdict).toBe('pass');
    expect(observed.findings.map((finding) => [finding.category, finding.level])).toEqual([
      ['dependencies', 'allow'],
      ['workflows', 'allow'],
    ]);
  });

  it('counts the file named by --workflow as the gate\'s own configuration', async () => {
    const report = await evaluateJson('--workflow', '.github/workflows/ci.yml');
    expect(report.findings.map((finding) => finding.category)).toContain('gate-config');
    expect((await evaluateJson()).findings.map((finding) => finding.category)).not.toContain('gate-config');
  });

  it('exits 3 only when the verdict reaches --fail-on', async () => {
    const base = ['evaluate', '--snapshot', 'pr.json', '--now', NOW, '--json'];
    expect((await cli([...base, '--fail-on', 'needs-review'], { cwd: dir })).code).toBe(3);
    expect((await cli([...base, '--fail-on', 'fail'], { cwd: dir })).code).toBe(0);
    expect((await cli([...base, '--fail-on', 'never'], { cwd: dir })).code).toBe(0);
    expect(await cli([...base, '--fail-on', 'sometimes'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'agent-pr-gate: --fail-on must be one of needs-review, fail, never, got "sometimes" (see `agent-pr-gate evaluate --help`)\n',
    });
  });

  it('says in one line that a snapshot file is not JSON', async () => {
    const run = await cli(['evaluate', '--snapshot', 'broken.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^agent-pr-gate: broken\.json: not valid JSON: [^\n]+\n$/);
  });

  it('says in one line that a JSON file is not a snapshot', async () => {
    const run = await cli(['evaluate', '--snapshot', 'report.json'], { cwd: dir });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'agent-pr-gate: report.json: this is a report JSON (the output of --json), not a PR snapshot; save a snapshot with `agent-pr-gate check owner/repo#123 --save report.json`\n',
    });
  });

  it('names a missing snapshot or policy file', async () => {
    expect(await cli(['evaluate', '--snapshot', 'nope.json'], { cwd: dir })).toEqual({ code: 1, stdout: '', stderr: 'agent-pr-gate: nope.json: file not found\n' });
    const run = await cli(['evaluate', '--snapshot', 'pr.json', '--config', 'nope.yml'], { cwd: dir });
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'agent-pr-gate: nope.yml: file not found\n' });
  });

  it('prints the located errors of an invalid --config policy and exits 1', async () => {
    const run = await cli(['evaluate', '--snapshot', 'pr.json', '--config', 'bad-policy.yml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n').slice(-3)).toEqual([
      'bad-policy.yml:2:12: permissions.secrets: must be one of `allow`, `review`, `deny`, got the text "nope"',
      'agent-pr-gate: the policy bad-policy.yml (local file) is invalid: 1 error above',
      '',
    ]);
  });

  it('rejects usage mistakes with exit 2', async () => {
    expect(await cli(['evaluate'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'agent-pr-gate: evaluate needs --snapshot FILE (see `agent-pr-gate evaluate --help`)\n' });
    expect(await cli(['evaluate', 'pr.json'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'agent-pr-gate: unexpected argument "pr.json": name the snapshot with --snapshot pr.json (see `agent-pr-gate evaluate --help`)\n',
    });
    expect(await cli(['evaluate', '--snapshot', 'pr.json', '--now', 'yesterday'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'agent-pr-gate: --now must be an ISO 8601 time such as 2026-03-02T11:00:00Z, got "yesterday" (see `agent-pr-gate evaluate --help`)\n',
    });
    expect(await cli(['evaluate', '--snapshot'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'agent-pr-gate: option --snapshot needs a value (see `agent-pr-gate evaluate --help`)\n',
    });
  });
});
