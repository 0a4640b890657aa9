import type { AgentSummary, Interval, ReportJson } from './report-types.js';

/** Number formats shared by the job summary and the HTML page (docs/report-mode.md). Pure. */

export function percent(value: number | null): string {
  if (value === null) return '—';
  return `${Math.round(value * 1000) / 10}%`;
}

/** `61–77%`: an interval of fractions, in whole percent. */
export function percentInterval(interval: Interval | null): string {
  if (interval === null) return '—';
  return `${Math.round(interval[0] * 100)}–${Math.round(interval[1] * 100)}%`;
}

/** `69.3% (61–77%)`. */
export function rateWithInterval(rate: number | null, interval: Interval | null): string {
  if (rate === null) return '—';
  return `${percent(rate)} (${percentInterval(interval)})`;
}

export function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** `2026-03-01 00:00 UTC`. */
export function formatTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Agent ids by PR count (most first), then id: never by rate, so nothing is ranked on noise. */
export function agentOrder(report: ReportJson): string[] {
  return Object.keys(report.agents).sort((a, b) => report.agents[b]!.prs - report.agents[a]!.prs || a.localeCompare(b));
}

/** One plain line about the permission view of an agent. */
export function permissionLine(id: string, agent: AgentSummary): string {
  const gated = agent.prs - agent.ungated;
  const evaluated = agent.evaluated > 0 ? ` (${agent.evaluated} of them evaluated now with the current policy)` : '';
  return `${id}: ${gated} of ${agent.prs} PRs judged by the gate, ${agent.ungated} ungated${evaluated}; ${agent.mergedWithoutPass} merged without a pass`;
}
