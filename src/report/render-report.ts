import { escapeMarkdown, inlineCode, markdownLink } from '../render/escape.js';
import { formatDuration } from '../render/format-duration.js';
import type { AgentSummary, FailureSample, ReportJson } from './aggregate-report.js';

/**
 * The job summary of report mode: the window, a per-agent table, two Mermaid charts (success
 * rate per agent as an `xychart-beta` bar chart, PRs per agent as a pie), and the failure samples
 * with links. Pure; the same text is what a user reads on the run page.
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
  'Success rate',
  'Median interventions',
  'Median end-to-end',
  'Median time to first human review',
  'Rework rate',
];

function percent(value: number | null): string {
  if (value === null) return '—';
  return `${Math.round(value * 1000) / 10}%`;
}

function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** `2026-03-01 00:00 UTC`. */
function formatTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function row(id: string, agent: AgentSummary): string {
  const cells = [
    inlineCode(id, { table: true }),
    String(agent.prs),
    String(agent.merged),
    String(agent.closedUnmerged),
    String(agent.open),
    String(agent.reverted),
    percent(agent.successRate),
    formatNumber(agent.medianInterventions),
    formatDuration(agent.medianEndToEnd),
    formatDuration(agent.medianTimeToFirstHumanReview),
    percent(agent.reworkRate),
  ];
  return `| ${cells.join(' | ')} |`;
}

/** Agent ids by PR count (most first), then id. */
function agentOrder(report: ReportJson): string[] {
  return Object.keys(report.agents).sort((a, b) => report.agents[b]!.prs - report.agents[a]!.prs || a.localeCompare(b));
}

/** A Mermaid quoted label: agent ids are `[a-z0-9-]`, but custom ones are checked anyway. */
function label(id: string): string {
  return `"${id.replace(/[^A-Za-z0-9 _.-]/g, '_')}"`;
}

function renderCharts(report: ReportJson, order: string[]): string[] {
  const lines: string[] = [];
  const rated = order.filter((id) => report.agents[id]!.successRate !== null);
  if (rated.length > 0) {
    lines.push(
      '```mermaid',
      'xychart-beta',
      '    title "Success rate by agent (%)"',
      `    x-axis [${rated.map(label).join(', ')}]`,
      '    y-axis "Success rate (%)" 0 --> 100',
      `    bar [${rated.map((id) => Math.round(report.agents[id]!.successRate! * 1000) / 10).join(', ')}]`,
      '```',
      '',
    );
  }
  lines.push('```mermaid', 'pie title Agent PRs by agent');
  for (const id of order) lines.push(`    ${label(id)} : ${report.agents[id]!.prs}`);
  lines.push('```', '');
  return lines;
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
    `PRs created ${formatTime(report.window.from)} → ${formatTime(report.window.to)}: **${total}** agent PR${total === 1 ? '' : 's'}.`,
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
    'Success rate = (merged − reverted) / (merged + closed unmerged); — when none was merged or closed yet. ' +
      'Rework rate = share of PRs with at least one changes-requested round followed by a new commit. ' +
      'Medians include open PRs (end-to-end runs to now).',
    '',
  );
  lines.push(...renderCharts(report, order));
  lines.push(...renderFailures(report));
  return lines.join('\n');
}
