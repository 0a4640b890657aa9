import { formatDuration } from '../render/format-duration.js';
import { barChart, esc, type BarGroup } from './render-svg.js';
import { agentOrder, formatNumber, formatTime, percent, permissionLine, rateWithInterval } from './report-format.js';
import type { AgentRow, ReportJson } from './report-types.js';
import { tierOrder } from './rows.js';

/**
 * `agent-pr-gate report render report.json --html out.html` (docs/report-mode.md, "Pictures"):
 * one self-contained page — inline CSS and SVG, no script, no web font, no request — with the
 * summary's tables and charts, intervals drawn as whiskers. Every text from the report is escaped.
 */

const CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1b1f24;max-width:1100px}
table{border-collapse:collapse;margin:8px 0 20px}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:right}
th:first-child,td:first-child,td.l{text-align:left}th{background:#f3f5f7}pre{background:#f6f8fa;padding:8px;border:1px solid #d0d7de}
.note{color:#57606a;font-size:13px}figure{margin:12px 0 24px}`;

function table(columns: string[], rows: string[][]): string {
  const head = `<tr>${columns.map((column) => `<th>${esc(column)}</th>`).join('')}</tr>`;
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n${head}\n${body}\n</table>`;
}

function rowCells(row: AgentRow): string[] {
  return [String(row.prs), String(row.merged), esc(rateWithInterval(row.successRate, row.successRateInterval)), esc(formatNumber(row.medianInterventions)), esc(formatDuration(row.medianEndToEnd))];
}

const SHORT = ['PRs', 'Merged', 'Success rate (95% interval)', 'Median interventions', 'Median end-to-end'];

function agentsSection(report: ReportJson, order: string[]): string {
  const rows = order.map((id) => {
    const agent = report.agents[id]!;
    return [
      `<code>${esc(id)}</code>`,
      String(agent.prs),
      String(agent.merged),
      String(agent.closedUnmerged),
      String(agent.open),
      String(agent.reverted),
      esc(rateWithInterval(agent.successRate, agent.successRateInterval)),
      esc(formatNumber(agent.medianInterventions)),
      esc(formatDuration(agent.medianEndToEnd)),
      esc(formatDuration(agent.medianTimeToFirstHumanReview)),
      esc(percent(agent.reworkRate)),
    ];
  });
  const tiers = tierOrder(order.flatMap((id) => Object.keys(report.agents[id]!.tiers)));
  const groups: BarGroup[] = order.map((id) => {
    const agent = report.agents[id]!;
    return {
      label: id,
      bars: [
        { label: 'all', value: agent.successRate, interval: agent.successRateInterval, series: 0 },
        ...tiers.filter((tier) => agent.tiers[tier]).map((tier) => ({ label: tier, value: agent.tiers[tier]!.successRate, interval: agent.tiers[tier]!.successRateInterval, series: 1 + tiers.indexOf(tier) })),
      ],
    };
  });
  const tierRows = order.flatMap((id) =>
    tierOrder(Object.keys(report.agents[id]!.tiers)).map((tier) => [`<code>${esc(id)}</code>`, `<code>${esc(tier)}</code>`, ...rowCells(report.agents[id]!.tiers[tier]!)]),
  );
  return [
    '<h2>Agents</h2>',
    table(['Agent', 'PRs', 'Merged', 'Closed unmerged', 'Open', 'Reverted', 'Success rate (95% interval)', 'Median interventions', 'Median end-to-end', 'Median time to first human review', 'Rework rate'], rows),
    `<figure>${barChart('Success rate by agent and tier, with 95% intervals', groups, ['all', ...tiers])}</figure>`,
    '<h2>By tier</h2>',
    table(['Agent', 'Tier', ...SHORT], tierRows),
  ].join('\n');
}

function comparisonSection(report: ReportJson): string {
  const comparison = report.comparison;
  if (!comparison) return '';
  const [a, b] = comparison.cohorts;
  const ids = Object.keys(comparison.agents);
  const rows = ids.flatMap((id) => {
    const agent = comparison.agents[id]!;
    return [[`<code>${esc(id)}</code>`, esc(a), ...rowCells(agent.a)], [`<code>${esc(id)}</code>`, esc(b), ...rowCells(agent.b)]];
  });
  const groups: BarGroup[] = ids.map((id) => ({
    label: id,
    bars: [
      { label: a, value: comparison.agents[id]!.a.successRate, interval: comparison.agents[id]!.a.successRateInterval, series: 0 },
      { label: b, value: comparison.agents[id]!.b.successRate, interval: comparison.agents[id]!.b.successRateInterval, series: 1 },
    ],
  }));
  return [
    `<h2>Comparison: ${esc(a)} vs ${esc(b)}</h2>`,
    `<p class="note">By <code>${esc(comparison.by)}</code>. Differences are b − a with 95% intervals; an interval that includes 0 is no clear difference.</p>`,
    table(['Agent', 'Side', ...SHORT], rows),
    `<ul>${ids.map((id) => `<li><code>${esc(id)}</code>: ${esc(comparison.agents[id]!.reading)}</li>`).join('')}</ul>`,
    ids.length > 0 ? `<figure>${barChart(`Success rate: ${a} vs ${b}`, groups, [a, b])}</figure>` : '',
  ].join('\n');
}

function permissionsSection(report: ReportJson, order: string[]): string {
  const rows = order.flatMap((id) =>
    Object.entries(report.agents[id]!.permissions).map(([category, row]) =>
      [`<code>${esc(id)}</code>`, `<code>${esc(category)}</code>`, String(row.prs), String(row.review), String(row.deny), String(row.overridden), String(row.mergedWithoutPass)],
    ),
  );
  return [
    '<h2>Permissions</h2>',
    `<ul>${order.map((id) => `<li>${esc(permissionLine(id, report.agents[id]!))}</li>`).join('')}</ul>`,
    rows.length > 0 ? table(['Agent', 'Category', 'PRs', 'Review', 'Deny', 'Overridden', 'Merged without pass'], rows) : '<p>No permission findings.</p>',
  ].join('\n');
}

function guardrailsSection(report: ReportJson): string {
  const items = report.guardrails.map((guardrail) => {
    // Links only to https pages: a report file given to `report render` could hold anything.
    const link = (url: string): string => {
      const text = `#${esc(url.slice(url.lastIndexOf('/') + 1))}`;
      return /^https:\/\/[^\s"'<>]+$/.test(url) ? `<a href="${esc(url)}">${text}</a>` : text;
    };
    const links = guardrail.evidence.failures.map(link).join(', ');
    return `<li><p>${esc(guardrail.why)} Evidence: ${links} (${guardrail.evidence.prs} of the agent's ${guardrail.evidence.of} PRs touch it).</p><pre>${esc(guardrail.yaml)}</pre></li>`;
  });
  return ['<h2>Suggested guardrails</h2>', items.length > 0 ? `<ul>${items.join('\n')}</ul>` : '<p>None: no area or category holds clearly more failures than successes.</p>'].join('\n');
}

export function renderReportHtml(report: ReportJson): string {
  const order = agentOrder(report);
  const title = `Agent PR report: ${report.repo}`;
  const total = order.reduce((sum, id) => sum + report.agents[id]!.prs, 0);
  const gaps = report.incomplete.length > 0 ? `<p><strong>Not everything could be read:</strong></p><ul>${report.incomplete.map((gap) => `<li>${esc(gap)}</li>`).join('')}</ul>` : '';
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(title)}</title><style>${CSS}</style></head><body>`,
    `<h1>${esc(title)}</h1>`,
    `<p>PRs created ${esc(formatTime(report.window.from))} → ${esc(formatTime(report.window.to))}: <strong>${total}</strong> agent PRs.</p>`,
    gaps,
    order.length > 0 ? agentsSection(report, order) : '<p>No agent PRs in this window.</p>',
    comparisonSection(report),
    permissionsSection(report, order),
    guardrailsSection(report),
    '<p class="note">Success rate = (merged − reverted) / (merged + closed unmerged), with its Wilson 95% interval (the whisker).</p>',
    '</body></html>',
    '',
  ].join('\n');
}
