import { tierOrder } from './rows.js';
import type { ReportJson } from './report-types.js';

/**
 * The Mermaid charts of the job summary (docs/report-mode.md, "Pictures"): success rate per agent
 * and tier, and the comparison's two sides per agent. `xychart-beta` draws no whiskers, so the
 * intervals stay in the tables beside the charts. Pure.
 */

/** A Mermaid quoted label: agent ids are `[a-z0-9-]`, but custom ones and cohorts are checked anyway. */
export function mermaidLabel(text: string, max = 40): string {
  return `"${text.replace(/[^A-Za-z0-9 _.,:/+()-]/g, '_').slice(0, max)}"`;
}

const pct = (value: number | null): number => (value === null ? 0 : Math.round(value * 1000) / 10);

export function successChart(report: ReportJson, order: readonly string[]): string[] {
  const rated = order.filter((id) => report.agents[id]!.successRate !== null);
  if (rated.length === 0) return [];
  // Mermaid bars cannot leave a gap: a tier is drawn only where every agent shown has a rate in it.
  const tiers = tierOrder(rated.flatMap((id) => Object.keys(report.agents[id]!.tiers))).filter((tier) =>
    rated.every((id) => (report.agents[id]!.tiers[tier]?.successRate ?? null) !== null),
  );
  const lines = [
    '```mermaid',
    'xychart-beta',
    tiers.length > 0 ? `    title "Success rate by agent, then by tier (${tiers.join(', ')}) (%)"` : '    title "Success rate by agent (%)"',
    `    x-axis [${rated.map((id) => mermaidLabel(id)).join(', ')}]`,
    '    y-axis "Success rate (%)" 0 --> 100',
    `    bar [${rated.map((id) => pct(report.agents[id]!.successRate)).join(', ')}]`,
  ];
  for (const tier of tiers) lines.push(`    bar [${rated.map((id) => pct(report.agents[id]!.tiers[tier]?.successRate ?? null)).join(', ')}]`);
  lines.push('```', '');
  return lines;
}

export function comparisonChart(report: ReportJson): string[] {
  const comparison = report.comparison;
  if (!comparison) return [];
  const ids = Object.keys(comparison.agents).filter((id) => {
    const agent = comparison.agents[id]!;
    return agent.a.successRate !== null || agent.b.successRate !== null;
  });
  if (ids.length === 0) return [];
  const [a, b] = comparison.cohorts;
  return [
    '```mermaid',
    'xychart-beta',
    `    title ${mermaidLabel(`Success rate (%): ${a} (first bar) vs ${b} (second bar)`, 120)}`,
    `    x-axis [${ids.map((id) => mermaidLabel(id)).join(', ')}]`,
    '    y-axis "Success rate (%)" 0 --> 100',
    `    bar [${ids.map((id) => pct(comparison.agents[id]!.a.successRate)).join(', ')}]`,
    `    bar [${ids.map((id) => pct(comparison.agents[id]!.b.successRate)).join(', ')}]`,
    '```',
    '',
  ];
}

export function pieChart(report: ReportJson, order: readonly string[]): string[] {
  const lines = ['```mermaid', 'pie title Agent PRs by agent'];
  for (const id of order) lines.push(`    ${mermaidLabel(id)} : ${report.agents[id]!.prs}`);
  return [...lines, '```', ''];
}
