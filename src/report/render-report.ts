import { escapeMarkdown, inlineCode, markdownLink } from '../render/escape.js';
import { formatDuration } from '../render/format-duration.js';
import { pieChart, successChart } from './render-charts.js';
import { renderComparison, renderGuardrails, renderPermissions, renderTiers } from './render-sections.js';
import { agentOrder, formatNumber, formatTime, percent, rateWithInterval } from './report-format.js';
import type { AgentSummary, FailureSample, ReportJson } from './report-types.js';
import { rateDifference } from './stats.js';

/**
 * The job summary of report mode (docs/report-mode.md): the window, a per-agent table with
 * intervals, Mermaid charts, tiers, the comparison, permissions, suggested guardrails and the
 * failure samples with links. Pure; the same text is what a user reads on the run page.
 */

/** Failure samples listed per group; the JSON artifact holds all of them. */
export const MAX_FAILURE_SAMPLES = 25;

const COLUMNS = [
  'Agent',
  'PRs',
  'Merged',
  'Closed unmerged',
  'Open',
  'Reverted',
  'Success rate (95% interval)',
  'Median interventions',
  'Median end-to-end',
  'Median time to first human review',
  'Rework rate',
];

function row(id: string, agent: AgentSummary): string {
  const cells = [
    inlineCode(id, { table: true }),
    String(agent.prs),
    String(agent.merged),
    String(agent.closedUnmerged),
    String(agent.open),
    String(agent.reverted),
    rateWithInterval(agent.successRate, agent.successRateInterval),
    formatNumber(agent.medianInterventions),
    formatDuration(agent.medianEndToEnd),
    formatDuration(agent.medianTimeToFirstHumanReview),
    percent(agent.reworkRate),
  ];
  return `| ${cells.join(' | ')} |`;
}

const signedPoints = (fraction: number): string => {
  const points = Math.round(fraction * 100);
  return points > 0 ? `+${points}` : points < 0 ? `−${-points}` : '0';
};

/** The two agents with the most PRs, read with the same rule as a comparison: noise is no win. */
function noiseLine(report: ReportJson, order: string[]): string[] {
  if (order.length < 2) return [];
  const [first, second] = [order[0]!, order[1]!];
  const pick = (id: string) => ({ successes: report.agents[id]!.merged - report.agents[id]!.reverted, n: report.agents[id]!.merged + report.agents[id]!.closedUnmerged });
  const difference = rateDifference(pick(first), pick(second));
  if (!difference) return [];
  const [lo, hi] = difference.interval;
  const reading =
    lo <= 0 && hi >= 0
      ? `The success rates of \`${first}\` and \`${second}\` differ by less than the noise (95% interval of the difference ${signedPoints(lo)}…${signedPoints(hi)} points): no clear winner.`
      : `\`${hi < 0 ? first : second}\` succeeded more often than \`${hi < 0 ? second : first}\` (95% interval of the difference ${Math.round(Math.min(Math.abs(lo), Math.abs(hi)) * 100)}…${Math.round(Math.max(Math.abs(lo), Math.abs(hi)) * 100)} points).`;
  return [reading, ''];
}

function sampleLine(sample: FailureSample): string {
  const base = `- ${markdownLink(`#${sample.number}`, sample.url)} ${escapeMarkdown(sample.title, 200)} (${inlineCode(sample.agent)})`;
  if (sample.reason === 'reverted' && sample.revertedBy) return `${base}, reverted by ${markdownLink(sample.revertedBy.by, sample.revertedBy.url)}`;
  return base;
}

function renderFailures(report: ReportJson): string[] {
  const groups: Array<[string, FailureSample[]]> = [
    ['Reverted after merge', report.failures.filter((f) => f.reason === 'reverted')],
    ['Closed after changes were requested', report.failures.filter((f) => f.reason === 'closed-after-changes-requested')],
  ];
  const lines = ['### Failure samples', ''];
  if (report.failures.length === 0) return [...lines, 'No agent PR of the window was reverted or closed after changes were requested.', ''];
  lines.push('Candidates for new guardrail rules in the policy file.', '');
  for (const [heading, samples] of groups) {
    if (samples.length === 0) continue;
    lines.push(`**${heading}** (${samples.length})`, '');
    for (const sample of samples.slice(0, MAX_FAILURE_SAMPLES)) lines.push(sampleLine(sample));
    if (samples.length > MAX_FAILURE_SAMPLES) {
      lines.push(`- … and ${samples.length - MAX_FAILURE_SAMPLES} more in the report JSON`);
    }
    lines.push('');
  }
  return lines;
}

export function renderReport(report: ReportJson): string {
  const order = agentOrder(report);
  const total = order.reduce((sum, id) => sum + report.agents[id]!.prs, 0);
  const lines = [
    `## Agent PR report: ${escapeMarkdown(report.repo)}`,
    '',
    `PRs created ${formatTime(report.window.from)} → ${formatTime(report.window.to)}: **${total}** agent PR${total === 1 ? '' : 's'}` +
      `${report.repos.length > 1 ? ` in ${report.repos.length} repositories` : ''}.`,
    '',
  ];
  if (report.incomplete.length > 0) {
    lines.push('> [!WARNING]', '> Not everything could be read, so these numbers may be low:');
    for (const gap of report.incomplete) lines.push(`> - ${escapeMarkdown(gap)}`);
    lines.push('');
  }
  if (order.length === 0) {
    lines.push('No agent PRs were created in this window.', '');
    return lines.join('\n');
  }
  lines.push(`| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const id of order) lines.push(row(id, report.agents[id]!));
  lines.push(
    '',
    'Success rate = (merged − reverted) / (merged + closed unmerged), with its Wilson 95% interval; — when none was merged or closed yet. ' +
      'Rework rate = share of PRs with at least one changes-requested round followed by a new commit. ' +
      'Medians include open PRs (end-to-end runs to now).',
    '',
  );
  lines.push(...noiseLine(report, order), ...successChart(report, order), ...pieChart(report, order));
  lines.push(...renderTiers(report), ...renderComparison(report), ...renderPermissions(report), ...renderGuardrails(report));
  lines.push(...renderFailures(report));
  return lines.join('\n');
}
