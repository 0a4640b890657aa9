import { loadPolicy } from '../config/load-policy.js';
import type { Guardrail, ReportPr } from './report-types.js';
import { groupBy } from './rows.js';
import { wilson } from './stats.js';

/**
 * Guardrail suggestions (docs/report-mode.md, "Suggested guardrails"): for each agent, the path
 * areas (top directories) and permission categories where its failures — reverted, or closed
 * after changes were requested — are clearly over-represented against its successes, each as a
 * policy snippet. "Clearly": at least MIN_FAILURES failures touch it, and the lower end of the
 * Wilson 95% interval of the failure share there is above the agent's failure share overall, so
 * a couple of unlucky PRs never become a rule. Every snippet is checked with the policy loader
 * and dropped if it would not validate. Pure.
 */

export const MIN_FAILURES = 3;

/** Categories a level change can name (custom rules are named by the user, not suggested). */
const CATEGORIES = ['dependencies', 'network', 'workflows', 'secrets', 'tests-weakened', 'gate-config', 'sensitive-paths', 'size'];
const OBJECT_ONLY = new Set(['sensitive-paths', 'size']);
const SAFE_AREA = /^[A-Za-z0-9][A-Za-z0-9._-]{0,80}\/$/;

interface Candidate {
  key: string;
  failures: ReportPr[];
  successes: number;
  touching: number;
}

function areaSnippet(area: string): string {
  const name = `review-${area.slice(0, -1).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}`.slice(0, 60);
  return ['permissions:', '  custom:', `    - name: ${name}`, '      level: review', '      paths:', `        - ${JSON.stringify(`${area}**`)}`, ''].join('\n');
}

function levelSnippet(category: string, level: 'review' | 'deny'): string {
  if (OBJECT_ONLY.has(category)) return ['permissions:', `  ${category}:`, `    level: ${level}`, ''].join('\n');
  return ['permissions:', `  ${category}: ${level}`, ''].join('\n');
}

export function isValidSnippet(yaml: string): boolean {
  return loadPolicy(yaml, 'guardrail.yml').ok;
}

function overRepresented(candidate: Candidate, overall: number): boolean {
  if (candidate.failures.length < MIN_FAILURES) return false;
  const interval = wilson(candidate.failures.length, candidate.failures.length + candidate.successes);
  return interval !== null && interval[0] > overall;
}

function candidates(decided: readonly ReportPr[], keysOf: (pr: ReportPr) => readonly string[]): Candidate[] {
  const map = new Map<string, Candidate>();
  for (const pr of decided) {
    for (const key of new Set(keysOf(pr))) {
      const item = map.get(key) ?? { key, failures: [], successes: 0, touching: 0 };
      item.touching += 1;
      if (pr.failure !== null) item.failures.push(pr);
      else if (pr.state === 'merged') item.successes += 1;
      map.set(key, item);
    }
  }
  return [...map.values()];
}

function suggestFor(agent: string, prs: readonly ReportPr[]): Guardrail[] {
  const decided = prs.filter((pr) => pr.state !== 'open');
  const out: Guardrail[] = [];
  const evidence = (candidate: Candidate, all: readonly ReportPr[], has: (pr: ReportPr) => boolean) => ({
    failures: [...candidate.failures].sort((x, y) => x.repo.localeCompare(y.repo) || x.number - y.number).map((pr) => pr.url),
    prs: all.filter(has).length,
    of: all.length,
  });
  const describe = (what: string, candidate: Candidate, failures: number, successes: number): string =>
    `${agent}: ${candidate.failures.length} of its ${failures} failures (reverted, or closed after changes were requested) touched ${what}, ` +
    `against ${candidate.successes} of its ${successes} successes`;

  const withAreas = decided.filter((pr) => pr.areas !== null);
  const areaFailures = withAreas.filter((pr) => pr.failure !== null).length;
  const areaSuccesses = withAreas.filter((pr) => pr.failure === null && pr.state === 'merged').length;
  const areaOverall = areaFailures / Math.max(1, areaFailures + areaSuccesses);
  for (const candidate of candidates(withAreas, (pr) => pr.areas ?? [])) {
    if (!SAFE_AREA.test(candidate.key) || !overRepresented(candidate, areaOverall)) continue;
    const yaml = areaSnippet(candidate.key);
    if (!isValidSnippet(yaml)) continue;
    out.push({
      agent,
      yaml,
      why: `${describe(candidate.key, candidate, areaFailures, areaSuccesses)}: ask for a human review of changes there.`,
      evidence: evidence(candidate, prs, (pr) => pr.areas?.includes(candidate.key) ?? false),
    });
  }

  const gated = decided.filter((pr) => pr.gate !== null);
  const gatedFailures = gated.filter((pr) => pr.failure !== null).length;
  const gatedSuccesses = gated.filter((pr) => pr.failure === null && pr.state === 'merged').length;
  const gatedOverall = gatedFailures / Math.max(1, gatedFailures + gatedSuccesses);
  const categoriesOf = (pr: ReportPr): string[] => (pr.gate?.findings ?? []).map((finding) => finding.category).filter((c) => CATEGORIES.includes(c));
  for (const candidate of candidates(gated, categoriesOf)) {
    if (!overRepresented(candidate, gatedOverall)) continue;
    const levels = candidate.failures.flatMap((pr) => (pr.gate?.findings ?? []).filter((f) => f.category === candidate.key).map((f) => f.level));
    if (levels.includes('deny')) continue;
    const level = levels.includes('review') ? 'deny' : 'review';
    const yaml = levelSnippet(candidate.key, level);
    if (!isValidSnippet(yaml)) continue;
    out.push({
      agent,
      yaml,
      why: `${describe(`${candidate.key} findings`, candidate, gatedFailures, gatedSuccesses)}: raise ${candidate.key} to ${level}.`,
      evidence: evidence(candidate, prs, (pr) => categoriesOf(pr).includes(candidate.key)),
    });
  }
  return out;
}

export function suggestGuardrails(prs: readonly ReportPr[]): Guardrail[] {
  const byAgent = groupBy(prs, (pr) => pr.agent);
  return [...byAgent.keys()]
    .sort()
    .flatMap((agent) => suggestFor(agent, byAgent.get(agent)!))
    .sort((a, b) => b.evidence.failures.length - a.evidence.failures.length || a.agent.localeCompare(b.agent) || a.yaml.localeCompare(b.yaml));
}
