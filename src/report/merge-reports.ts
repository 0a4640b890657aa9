import * as z from 'zod';
import { aggregateReport } from './aggregate-report.js';
import type { ReportJson, ReportPr } from './report-types.js';

/**
 * `agent-pr-gate report merge a.json b.json …` (docs/report-mode.md, "Org scale"): one report from
 * the per-repository ones, recomputed from their per-PR records (medians and intervals over the
 * union, never averaged), so it equals one report over all the PRs. Pure.
 */

export class ReportFileError extends Error {
  override name = 'ReportFileError';
}

const GateSchema = z.object({
  source: z.enum(['state', 'evaluated']),
  verdict: z.enum(['pass', 'needs-review', 'fail', 'skipped']),
  headSha: z.string(),
  findings: z.array(z.object({ category: z.string(), level: z.enum(['allow', 'review', 'deny']), rule: z.string().optional() })),
  overridden: z.boolean(),
});
// The metric fields the aggregation reads are checked; the rest travels as it is.
const MetricsSchema = z.looseObject({
  interventions: z.looseObject({ total: z.number() }),
  reworkCycles: z.number(),
  timeToFirstHumanReview: z.number().nullable(),
  endToEnd: z.number(),
  tier: z.string(),
});
const PrSchema = z.object({
  repo: z.string(),
  number: z.number().int(),
  agent: z.string(),
  state: z.enum(['open', 'closed', 'merged']),
  url: z.string(),
  title: z.string(),
  createdAt: z.string(),
  reverted: z.boolean(),
  revertedBy: z.object({ by: z.string(), url: z.string() }).optional(),
  failure: z.enum(['reverted', 'closed-after-changes-requested']).nullable(),
  tier: z.string(),
  cohort: z.string().nullable(),
  areas: z.array(z.string()).nullable(),
  gate: GateSchema.nullable(),
  mergedWithoutPass: z.boolean(),
  metrics: MetricsSchema,
});
const ReportFileSchema = z.looseObject({
  version: z.literal(1),
  mode: z.literal('report'),
  repos: z.array(z.string()),
  window: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }),
  comparison: z.looseObject({ by: z.string(), cohorts: z.tuple([z.string(), z.string()]) }).nullable(),
  prs: z.array(PrSchema),
  incomplete: z.array(z.string()),
});

/** Parses a report file's text; a clear one-line error names the file and what is wrong. */
export function parseReportFile(text: string, fileName: string): ReportJson {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ReportFileError(`${fileName} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = ReportFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ReportFileError(`${fileName} is not a report-mode JSON (version 1): ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data as unknown as ReportJson;
}

/** Fixed sides (windows and dates) travel with the report; label and pattern sides are recomputed. */
function fixedSides(by: string, cohorts: [string, string]): [string, string] | null {
  return by.startsWith('label:') || by.startsWith('pattern:') ? null : cohorts;
}

export function mergeReports(reports: readonly ReportJson[]): ReportJson {
  if (reports.length === 0) throw new ReportFileError('report merge needs at least one report file');
  const bys = new Set(reports.map((report) => report.comparison?.by ?? ''));
  if (bys.size > 1) throw new ReportFileError(`the reports compare different things (${[...bys].map((by) => by || 'nothing').join(', ')}): merge reports made with the same report-compare`);
  const first = reports[0]!.comparison;
  const from = Math.min(...reports.map((report) => Date.parse(report.window.from)));
  const to = Math.max(...reports.map((report) => Date.parse(report.window.to)));
  const seen = new Set<string>();
  const prs: ReportPr[] = [];
  for (const report of reports) {
    for (const pr of report.prs) {
      const key = `${pr.repo}#${pr.number}`;
      if (seen.has(key)) continue;
      seen.add(key);
      prs.push(pr);
    }
  }
  const incomplete = reports.flatMap((report) => report.incomplete.map((gap) => (report.repos.length === 1 ? `${report.repos[0]}: ${gap}` : gap)));
  return aggregateReport({
    repos: reports.flatMap((report) => report.repos),
    window: { from: new Date(from), to: new Date(to) },
    prs,
    incomplete: [...new Set(incomplete)],
    compare: first ? { by: first.by, sides: fixedSides(first.by, first.cohorts) } : null,
  });
}
