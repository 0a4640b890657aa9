import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/examples/index.js';
import { COMMENT_MARKER } from '../../src/render/render-comment.js';
import { cli, removeDir, tempDir } from './cli-harness.js';

describe('agent-pr-gate example', () => {
  it('runs the gate on the first bundled example and prints the verdict and the comment with the marker', async () => {
    const run = await cli(['example']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Verdict: needs-review (copilot) — needs 1 more approval (0 of 1)', '', COMMENT_MARKER]);
    expect(run.stderr).toBe(
      [
        `example: ${EXAMPLES[0]!.name} — ${EXAMPLES[0]!.description}`,
        'policy: no .github/agent-pr-gate.yml on the example\'s base commit: the `default` preset',
        '',
      ].join('\n'),
    );
  });

  it('gives the same output on every run (the example carries its own evaluation time)', async () => {
    const first = await cli(['example'], { now: '2026-01-01T00:00:00Z' });
    const second = await cli(['example'], { now: '2030-06-30T12:00:00Z' });
    expect(second.stdout).toBe(first.stdout);
  });

  it('runs a named example', async () => {
    const strict = await cli(['example', 'copilot-strict-policy']);
    expect(strict.stdout.split('\n')[0]).toBe('Verdict: fail (copilot) — denied: edits .github/workflows/ci.yml (workflows)');
    const human = await cli(['example', 'human-pr']);
    expect(human.stdout.split('\n').slice(0, 3)).toEqual([
      'Verdict: skipped — not an agent PR',
      '',
      'No comment is posted on a PR that is not agent-authored; an existing gate comment would be edited to:',
    ]);
  });

  it('prints the report JSON with --json', async () => {
    const run = await cli(['example', 'copilot-approved-by-reviewer', '--json']);
    const report = JSON.parse(run.stdout) as { verdict: string; reviews: { counted: string[] } };
    expect(report.verdict).toBe('pass');
    expect(report.reviews.counted).toEqual(['bob-reviewer']);
  });

  it('saves the example as a snapshot that evaluate reproduces, policy included', async () => {
    const dir = tempDir();
    try {
      const example = EXAMPLES.find((candidate) => candidate.name === 'copilot-strict-policy')!;
      const saved = await cli(['example', example.name, '--json', '--save', 'pr.json'], { cwd: dir });
      expect(saved.code).toBe(0);
      expect(saved.stderr).toContain(`Saved the example's snapshot to pr.json (agent-pr-gate evaluate --snapshot pr.json --now ${example.now})\n`);
      const evaluated = await cli(['evaluate', '--snapshot', 'pr.json', '--json', '--now', example.now], { cwd: dir });
      expect(evaluated.code).toBe(0);
      expect(evaluated.stdout).toBe(saved.stdout);
      expect((JSON.parse(evaluated.stdout) as { verdict: string }).verdict).toBe('fail');
    } finally {
      removeDir(dir);
    }
  });

  it('lists the examples', async () => {
    const run = await cli(['example', '--list']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean).map((line) => line.split(' ')[0])).toEqual(EXAMPLES.map((example) => example.name));
  });

  it('names the examples when asked for one that does not exist', async () => {
    const run = await cli(['example', 'nope']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `agent-pr-gate: unknown example "nope"; the examples are: ${EXAMPLES.map((example) => example.name).join(', ')} (see \`agent-pr-gate example --help\`)\n`,
    });
  });
});
