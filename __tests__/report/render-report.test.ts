import { describe, expect, it } from 'vitest';
import { aggregateReport, type ReportPr } from '../../src/report/aggregate-report.js';
import { renderReport, MAX_FAILURE_SAMPLES } from '../../src/report/render-report.js';
import type { Metrics } from '../../src/result.js';
import { reportPr } from './report-pr.js';

const WINDOW = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-15T00:00:00Z') };

function metrics(total: number, endToEnd: number, review: number | null, rework = 0): Metrics {
  return {
    commits: { agent: 1, human: 0 },
    interventions: { humanCommits: 0, changeRequests: 0, reviewComments: 0, comments: total, total },
    reworkCycles: rework,
    forcePushes: 0,
    timeToFirstHumanReview: review,
    endToEnd,
    reworkTime: null,
    tier: 'small',
    size: { files: 1, additions: 1, deletions: 0 },
  };
}

function pr(number: number, agent: string, state: ReportPr['state'], extra: Parameters<typeof reportPr>[0] extends infer T ? Partial<T> : never = {}): ReportPr {
  return reportPr({
    number,
    url: `https://github.com/acme/widgets/pull/${number}`,
    title: `PR ${number}`,
    agent,
    state,
    metrics: metrics(number % 3, 3600 * number, number % 2 === 0 ? 5400 : null),
    reverted: false,
    closedAfterChangesRequested: false,
    ...extra,
  });
}

describe('renderReport', () => {
  it('renders the window, the per-agent table, both charts and the failure samples', () => {
    const report = aggregateReport({
      repos: ['acme/widgets'],
      window: WINDOW,
      prs: [
        pr(1, 'copilot', 'merged', {
          title: 'Fix `parse` | <img src=x> @alice #3',
          reverted: true,
          revertedBy: { by: '#9', url: 'https://github.com/acme/widgets/pull/9', at: null },
        }),
        pr(2, 'copilot', 'merged'),
        pr(3, 'copilot', 'closed', { closedAfterChangesRequested: true }),
        pr(4, 'codex', 'open'),
      ],
    });
    expect(renderReport(report)).toMatchInlineSnapshot(`
      "## Agent PR report: acme/widgets

      PRs created 2026-03-01 00:00 UTC → 2026-03-15 00:00 UTC: **4** agent PRs.

      | Agent | PRs | Merged | Closed unmerged | Open | Reverted | Success rate (95% interval) | Median interventions | Median end-to-end | Median time to first human review | Rework rate |
      | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
      | \`copilot\` | 3 | 2 | 1 | 0 | 1 | 33.3% (6–79%) | 1 | 2 h | 1 h 30 min | 0% |
      | \`codex\` | 1 | 0 | 0 | 1 | 0 | — | 1 | 4 h | 1 h 30 min | 0% |

      Success rate = (merged − reverted) / (merged + closed unmerged), with its Wilson 95% interval; — when none was merged or closed yet. Rework rate = share of PRs with at least one changes-requested round followed by a new commit. Medians include open PRs (end-to-end runs to now).

      \`\`\`mermaid
      xychart-beta
          title "Success rate by agent, then by tier (small) (%)"
          x-axis ["copilot"]
          y-axis "Success rate (%)" 0 --> 100
          bar [33.3]
          bar [33.3]
      \`\`\`

      \`\`\`mermaid
      pie title Agent PRs by agent
          "copilot" : 3
          "codex" : 1
      \`\`\`

      ### By tier

      | Agent | Tier | PRs | Merged | Success rate (95% interval) | Median interventions | Median end-to-end |
      | --- | ---: | ---: | ---: | ---: | ---: | ---: |
      | \`copilot\` | \`small\` | 3 | 2 | 33.3% (6–79%) | 1 | 2 h |
      | \`codex\` | \`small\` | 1 | 0 | — | 1 | 4 h |

      A tier comes from a label mapped in \`metrics.tiers.<name>.labels\`, else from the PR size.

      ### Permissions

      - copilot: 0 of 3 PRs judged by the gate, 3 ungated; 2 merged without a pass
      - codex: 0 of 1 PRs judged by the gate, 1 ungated; 0 merged without a pass

      No permission findings in the gate states of these PRs.

      ### Suggested guardrails

      No path area or category holds clearly more of an agent's failures than its successes.

      ### Failure samples

      Candidates for new guardrail rules in the policy file.

      **Reverted after merge** (1)

      - [\\#‍1](https://github.com/acme/widgets/pull/1) Fix \\\`parse\\\` \\| &lt;img src=x&gt; @‍alice \\#‍3 (\`copilot\`), reverted by [\\#‍9](https://github.com/acme/widgets/pull/9)

      **Closed after changes were requested** (1)

      - [\\#‍3](https://github.com/acme/widgets/pull/3) PR 3 (\`copilot\`)
      "
    `);
  });

  it('says so when the window has no agent PRs, and lists what could not be read', () => {
    const report = aggregateReport({ repos: ['acme/widgets'], window: WINDOW, prs: [], incomplete: ['search: 1000 of 1200 PRs listed'] });
    expect(renderReport(report)).toBe(
      [
        '## Agent PR report: acme/widgets',
        '',
        'PRs created 2026-03-01 00:00 UTC → 2026-03-15 00:00 UTC: **0** agent PRs.',
        '',
        '> [!WARNING]',
        '> Not everything could be read, so these numbers may be low:',
        '> - search: 1000 of 1200 PRs listed',
        '',
        'No agent PRs were created in this window.',
        '',
      ].join('\n'),
    );
  });

  it('leaves the bar chart out when no agent has a success rate yet, and caps the samples', () => {
    const open = aggregateReport({ repos: ['acme/widgets'], window: WINDOW, prs: [pr(1, 'devin', 'open')] });
    const text = renderReport(open);
    expect(text).not.toContain('xychart-beta');
    expect(text).toContain('pie title Agent PRs by agent\n    "devin" : 1');
    expect(text).toContain('No agent PR of the window was reverted or closed after changes were requested.');

    const many = Array.from({ length: MAX_FAILURE_SAMPLES + 3 }, (_, i) => pr(i + 1, 'cursor', 'closed', { closedAfterChangesRequested: true }));
    const capped = renderReport(aggregateReport({ repos: ['acme/widgets'], window: WINDOW, prs: many }));
    expect(capped.match(/^- \[/gm)?.length).toBe(MAX_FAILURE_SAMPLES);
    expect(capped).toContain('- … and 3 more in the report JSON');
    expect(capped).toContain('**Closed after changes were requested** (28)');
  });
});
