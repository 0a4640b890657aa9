import { escapeMarkdown, inlineCode, markdownLink } from '../render/escape.js';
import { formatDuration } from '../render/format-duration.js';
import { comparisonChart } from './render-charts.js';
import { agentOrder, formatNumber, permissionLine, rateWithInterval } from './report-format.js';
import type { AgentRow, ReportJson } from './report-types.js';
import { tierOrder } from './rows.js';

/** The job summary's sections after the agent table (docs/report-mode.md). Pure. */

const code = (text: string): string => inlineCode(text, { table: true });

function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function header(columns: string[]): string[] {
  return [tableRow(columns), `|${columns.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`];
}

function shortRow(row: AgentRow): string[] {
  return [
    String(row.prs),
    String(row.merged),
    rateWithInterval(row.successRate, row.successRateInterval),
    formatNumber(row.medianInterventions),
    formatDuration(row.medianEndToEnd),
  ];
}

export function renderTiers(report: ReportJson): string[] {
  const lines = ['### By tier', '', ...header(['Agent', 'Tier', 'PRs', 'Merged', 'Success rate (95% interval)', 'Median interventions', 'Median end-to-end'])];
  for (const id of agentOrder(report)) {
    const tiers = report.agents[id]!.tiers;
    for (const tier of tierOrder(Object.keys(tiers))) lines.push(tableRow([code(id), code(tier), ...shortRow(tiers[tier]!)]));
  }
  return [...lines, '', 'A tier comes from a label mapped in `metrics.tiers.<name>.labels`, else from the PR size.', ''];
}

export function renderComparison(report: ReportJson): string[] {
  const comparison = report.comparison;
  if (!comparison) return [];
  const [a, b] = comparison.cohorts;
  const lines = [`### Comparison: ${escapeMarkdown(a)} vs ${escapeMarkdown(b)}`, '', `By ${code(comparison.by)}.`, ''];
  const ids = Object.keys(comparison.agents);
  if (ids.length === 0) return [...lines, 'Fewer than two sides had agent PRs, so there is nothing to compare.', ''];
  lines.push(...header(['Agent', 'Side', 'PRs', 'Merged', 'Success rate (95% interval)', 'Median interventions', 'Median end-to-end']));
  for (const id of ids) {
    const agent = comparison.agents[id]!;
    lines.push(tableRow([code(id), code(a), ...shortRow(agent.a)]), tableRow([code(id), code(b), ...shortRow(agent.b)]));
  }
  lines.push('');
  for (const id of ids) lines.push(`- ${code(id)}: ${escapeMarkdown(comparison.agents[id]!.reading, 400)}`);
  if (comparison.unassigned > 0) lines.push('', `${comparison.unassigned} agent PRs fell on neither side and are left out of the comparison.`);
  lines.push(
    '',
    'Differences are b − a with 95% intervals (success rate: Newcombe score interval; median end-to-end: seeded bootstrap). ' +
      'An interval that includes 0 is read as no clear difference.',
    '',
    ...comparisonChart(report),
  );
  return lines;
}

export function renderPermissions(report: ReportJson): string[] {
  const lines = ['### Permissions', ''];
  const order = agentOrder(report);
  for (const id of order) lines.push(`- ${escapeMarkdown(permissionLine(id, report.agents[id]!))}`);
  lines.push('');
  const rows = order.flatMap((id) => Object.entries(report.agents[id]!.permissions).map(([category, row]) => ({ id, category, row })));
  if (rows.length === 0) return [...lines, 'No permission findings in the gate states of these PRs.', ''];
  lines.push(...header(['Agent', 'Category', 'PRs', 'Review', 'Deny', 'Overridden', 'Merged without pass']));
  for (const { id, category, row } of rows) {
    lines.push(tableRow([code(id), code(category), String(row.prs), String(row.review), String(row.deny), String(row.overridden), String(row.mergedWithoutPass)]));
  }
  lines.push('', "From the gate's own last state of each PR (the hidden line in its comment). Merged without pass: merged while the gate's last state for the merged head was not `pass`.", '');
  return lines;
}

export function renderGuardrails(report: ReportJson): string[] {
  const lines = ['### Suggested guardrails', ''];
  if (report.guardrails.length === 0) return [...lines, "No path area or category holds clearly more of an agent's failures than its successes.", ''];
  for (const guardrail of report.guardrails.slice(0, 20)) {
    const links = guardrail.evidence.failures.slice(0, 10).map((url) => markdownLink(`#${url.slice(url.lastIndexOf('/') + 1)}`, url));
    lines.push(
      `- ${escapeMarkdown(guardrail.why, 600)} Evidence: ${links.join(', ')}${guardrail.evidence.failures.length > 10 ? ', …' : ''} ` +
        `(${guardrail.evidence.prs} of the agent's ${guardrail.evidence.of} PRs touch it).`,
      '',
      '  ```yaml',
      ...guardrail.yaml.trimEnd().split('\n').map((line) => `  ${line}`),
      '  ```',
      '',
    );
  }
  return lines;
}
