/**
 * The self-contained HTML page (`report render --html`): no script, no external resource, every
 * text escaped, charts with interval whiskers — and a screenshot in headless Chromium (Debian's
 * `chromium` package; the test says so and skips where it is not installed).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateReport } from '../../src/report/aggregate-report.js';
import { renderReportHtml } from '../../src/report/render-html.js';
import type { ReportPr } from '../../src/report/report-types.js';
import type { Metrics } from '../../src/result.js';
import { reportPr } from './report-pr.js';

const WINDOW = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-15T00:00:00Z') };

function metrics(endToEnd: number, tier: Metrics['tier']): Metrics {
  return {
    commits: { agent: 1, human: 0 },
    interventions: { humanCommits: 0, changeRequests: 0, reviewComments: 0, comments: 1, total: 1 },
    reworkCycles: 0,
    forcePushes: 0,
    timeToFirstHumanReview: 600,
    endToEnd,
    reworkTime: null,
    tier,
    size: { files: 1, additions: 1, deletions: 0 },
  };
}

function prs(): ReportPr[] {
  const states: Array<ReportPr['state']> = ['merged', 'merged', 'closed', 'merged', 'open'];
  return Array.from({ length: 60 }, (_, i) =>
    reportPr({
      number: i + 1,
      agent: i % 2 === 0 ? 'copilot' : 'claude',
      state: states[i % states.length]!,
      metrics: metrics(3600 * (1 + (i % 9)), i % 3 === 0 ? 'small' : 'large'),
      cohort: i < 30 ? 'a' : 'b',
      title: i === 0 ? '<script>alert(1)</script> & "quotes"' : `PR ${i + 1}`,
      gate: { source: 'state', verdict: 'pass', headSha: 'abcdef1', findings: [{ category: 'network', level: 'review' }], overridden: false },
    }),
  );
}

function findChromium(): string | null {
  for (const name of ['chromium', 'chromium-browser']) {
    const found = spawnSync('which', [name], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

describe('renderReportHtml', () => {
  const report = aggregateReport({ repos: ['acme/<widgets>'], window: WINDOW, prs: prs(), compare: { by: 'label:model/', sides: null } });
  const html = renderReportHtml(report);

  it('is one self-contained page: no script, no external resource, escaped text', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|src=/i);
    expect(html).toContain('Agent PR report: acme/&lt;widgets&gt;');
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
  });

  it('draws the success rates and the comparison with a whisker per interval', () => {
    expect(html.match(/<svg /g)?.length).toBe(2);
    const whiskers = html.match(/class="whisker"/g)?.length ?? 0;
    // Per agent: the whole row and two tiers; per agent and side in the comparison.
    expect(whiskers).toBe(2 * 3 + 2 * 2);
    expect(html).toContain('<h2>Comparison: a vs b</h2>');
    expect(html).toContain('<h2>By tier</h2>');
  });

  it('renders in headless Chromium', (context) => {
    const chromium = findChromium();
    if (!chromium) {
      context.skip('chromium is not installed (apt-get install -y chromium): the screenshot check is skipped');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'report-html-'));
    try {
      const page = join(dir, 'report.html');
      const png = join(dir, 'report.png');
      writeFileSync(page, html);
      const run = spawnSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', `--screenshot=${png}`, '--window-size=1200,1600', `file://${page}`], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status, run.stderr).toBe(0);
      // A blank 1200×1600 page compresses to a few kB; tables and charts take far more.
      expect(statSync(png).size).toBeGreaterThan(30_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
