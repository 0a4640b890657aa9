/**
 * `agent-pr-gate report merge` and `report render` on report files, through the CLI: the merge of
 * two repositories' reports equals the aggregation over both repositories' PRs, and bad files get
 * one-line errors.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aggregateReport } from '../../src/report/aggregate-report.js';
import type { ReportJson, ReportPr } from '../../src/report/report-types.js';
import type { Metrics } from '../../src/result.js';
import { cli, removeDir, tempDir } from '../cli/cli-harness.js';
import { reportPr } from './report-pr.js';

const WINDOW = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-15T00:00:00Z') };
const dir = tempDir();
afterAll(() => removeDir(dir));

function metrics(i: number): Metrics {
  return {
    commits: { agent: 1, human: 0 },
    interventions: { humanCommits: 0, changeRequests: 0, reviewComments: 0, comments: i % 4, total: i % 4 },
    reworkCycles: i % 5 === 0 ? 1 : 0,
    forcePushes: 0,
    timeToFirstHumanReview: i % 3 === 0 ? null : 600 * i,
    endToEnd: 3600 * ((i * 7) % 23),
    reworkTime: null,
    tier: i % 2 === 0 ? 'small' : 'medium',
    size: { files: 1, additions: 1, deletions: 0 },
  };
}

function repoPrs(repo: string, count: number, seed: number): ReportPr[] {
  const states: Array<ReportPr['state']> = ['merged', 'closed', 'merged', 'open', 'merged'];
  return Array.from({ length: count }, (_, i) =>
    reportPr({
      repo,
      url: `https://github.com/${repo}/pull/${i + 1}`,
      number: i + 1,
      agent: (i + seed) % 3 === 0 ? 'codex' : 'copilot',
      state: states[(i + seed) % states.length]!,
      reverted: (i + seed) % 10 === 0,
      closedAfterChangesRequested: i % 2 === 0,
      metrics: metrics(i + seed),
      cohort: i % 2 === 0 ? 'x' : 'y',
      areas: [(i + seed) % 4 === 0 ? 'infra/' : 'src/'],
    }),
  );
}

const compare = { by: 'label:model/', sides: null };
const a = aggregateReport({ repos: ['acme/a'], window: WINDOW, prs: repoPrs('acme/a', 70, 1), compare });
const b = aggregateReport({ repos: ['acme/b'], window: WINDOW, prs: repoPrs('acme/b', 90, 2), compare });
writeFileSync(join(dir, 'a.json'), JSON.stringify(a));
writeFileSync(join(dir, 'b.json'), JSON.stringify(b));

describe('agent-pr-gate report merge', () => {
  it('equals one report over the union of the PRs, recomputed (never averaged)', async () => {
    const run = await cli(['report', 'merge', 'a.json', 'b.json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const merged = JSON.parse(run.stdout) as ReportJson;
    const union = aggregateReport({ repos: ['acme/a', 'acme/b'], window: WINDOW, prs: [...a.prs, ...b.prs], compare });
    expect(merged).toEqual(union);
    expect(merged.repos).toEqual(['acme/a', 'acme/b']);
    // The medians are the union's, not the mean of the two reports' medians.
    const mean = (a.agents.copilot!.medianEndToEnd + b.agents.copilot!.medianEndToEnd) / 2;
    expect(merged.agents.copilot!.medianEndToEnd).not.toBe(mean);
  });

  it('rejects a file that is not a report, and reports of different comparisons, in one line', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ version: 1, mode: 'gate' }));
    const bad = await cli(['report', 'merge', 'a.json', 'bad.json'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^agent-pr-gate: bad\.json is not a report-mode JSON \(version 1\): mode: /);
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ ...b, comparison: null }));
    const mixed = await cli(['report', 'merge', 'a.json', 'c.json'], { cwd: dir });
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain('the reports compare different things');
    expect((await cli(['report', 'merge'], { cwd: dir })).code).toBe(2);
  });
});

describe('agent-pr-gate report render', () => {
  it('writes the self-contained page, and prints the markdown without --html', async () => {
    const page = await cli(['report', 'render', 'a.json', '--html', 'a.html'], { cwd: dir });
    expect(page.code).toBe(0);
    const html = readFileSync(join(dir, 'a.html'), 'utf8');
    expect(html).toContain('<svg ');
    expect(html).not.toMatch(/<script/i);
    const markdown = await cli(['report', 'render', 'a.json'], { cwd: dir });
    expect(markdown.stdout.split('\n')[0]).toBe('## Agent PR report: acme/a');
    expect(markdown.stdout).toContain('### Suggested guardrails');
  });
});
