import type { GateResult } from './result.js';

/** The public report JSON of docs/architecture.md, "Report JSON" (version 1) for one gate run. */
export interface GateReportJson {
  version: 1;
  mode: 'gate';
  verdict: GateResult['verdict'];
  pr: { number: number; headSha: string; url: string };
  agent: { id: string; requester: string | null; signals: string[] } | null;
  findings: Array<{
    category: string;
    rule?: string;
    level: string;
    files: string[];
    message: string;
    satisfied: boolean;
    lines?: Array<{ file: string; line: number | null }>;
  }>;
  reviews: {
    required: number;
    counted: string[];
    ignored: Array<{ login: string; reason: string }>;
    satisfied: boolean;
    missing: string[];
    override?: { label: string; by: string; at: string };
  } | null;
  metrics: GateResult['metrics'];
  incomplete: string[];
}

export function toReportJson(result: GateResult): GateReportJson {
  const { detection, reviews } = result;
  return {
    version: 1,
    mode: 'gate',
    verdict: result.verdict,
    pr: { number: result.pr.number, headSha: result.pr.headSha, url: result.pr.url },
    agent: detection.agent
      ? {
          id: detection.agent,
          requester: detection.requester,
          signals: detection.signals.map((signal) => `${signal.kind}:${signal.value}`),
        }
      : null,
    findings: result.findings.map((finding) => ({
      category: finding.category,
      ...(finding.rule ? { rule: finding.rule } : {}),
      level: finding.level,
      files: finding.files,
      message: finding.message,
      satisfied: finding.satisfied,
      ...(finding.locations.length > 0
        ? { lines: finding.locations.map((location) => ({ file: location.file, line: location.line })) }
        : {}),
    })),
    reviews: reviews
      ? {
          required: reviews.required,
          counted: reviews.counted,
          ignored: reviews.ignored.map((item) => ({ login: item.login, reason: item.reason })),
          satisfied: reviews.satisfied,
          missing: reviews.missing.map((item) => item.text),
          ...(reviews.override ? { override: reviews.override } : {}),
        }
      : null,
    metrics: result.metrics,
    incomplete: result.incomplete.map((gap) => gap.text),
  };
}
