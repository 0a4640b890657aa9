import * as z from 'zod';
import type { GateResult, Verdict } from './result.js';

/**
 * The gate's memory of a PR: one hidden line in its own sticky comment,
 * `<!-- agent-pr-gate:state {JSON} -->` (docs/security.md, "The gate's memory").
 *
 * It holds ids, logins, enums and times only — never file text or a secret. The gate writes it on
 * every run; a later run reads it (only from our own, identity-checked comment) so that a PR once
 * judged agent-authored stays gated as that agent, and report mode reads it to count permission
 * findings per agent without reading files again.
 */
export const GATE_STATE_PREFIX = '<!-- agent-pr-gate:state ';
const GATE_STATE_SUFFIX = ' -->';

const LevelSchema = z.enum(['allow', 'review', 'deny']);
const VerdictSchema = z.enum(['pass', 'needs-review', 'fail', 'skipped']);

export const GateStateSchema = z.object({
  v: z.literal(1),
  /** The agent the gate judged the PR to be from; null when it was never an agent PR. */
  agent: z.string().min(1).max(100).nullable(),
  requester: z.string().max(100).nullable(),
  verdict: VerdictSchema,
  headSha: z.string().regex(/^[0-9a-f]{7,64}$/),
  /** When this state was written (ISO 8601). */
  at: z.iso.datetime({ offset: true }),
  /** When the gate first judged the PR agent-authored (ISO 8601); kept across runs. */
  since: z.iso.datetime({ offset: true }).nullable().optional(),
  findings: z
    .array(z.object({ category: z.string().min(1).max(100), level: LevelSchema, rule: z.string().max(200).optional() }))
    .max(200),
  override: z.object({ by: z.string().max(100), at: z.iso.datetime({ offset: true }) }).nullable(),
});

export type GateState = z.infer<typeof GateStateSchema>;

// After JSON.stringify, `<`, `>` and `-` can only stand inside string values (the state holds no
// negative numbers), so replacing them with JSON's \u escapes keeps the JSON equal and leaves
// nothing that can close the HTML comment (`-->`, `--!>`) or open a tag.
const UNSAFE_IN_COMMENT = /[<>-]/g;
const ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '-': '\\u002d' };

/** The hidden line that carries the state, ready to put on a line of its own in the comment. */
export function renderGateState(state: GateState): string {
  const json = JSON.stringify(GateStateSchema.parse(state)).replace(UNSAFE_IN_COMMENT, (c) => ESCAPES[c] ?? c);
  return `${GATE_STATE_PREFIX}${json}${GATE_STATE_SUFFIX}`;
}

/**
 * The state in a comment body written by the gate, or null when there is none or it does not
 * validate. The caller must already have checked that the comment is ours (marker and identity):
 * a state line in anybody else's comment is never read.
 */
export function parseGateState(body: string): GateState | null {
  for (const line of body.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.startsWith(GATE_STATE_PREFIX) || !trimmed.endsWith(GATE_STATE_SUFFIX)) continue;
    const json = trimmed.slice(GATE_STATE_PREFIX.length, trimmed.length - GATE_STATE_SUFFIX.length);
    try {
      const parsed = GateStateSchema.safeParse(JSON.parse(json));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** At most this many findings are kept (one per category, level and rule). */
const MAX_STATE_FINDINGS = 100;

/**
 * The state a run writes: what it judged, and since when the PR has been gated (`since`, carried
 * over from the memory by the caller; null when the PR is not an agent's).
 */
export function buildGateState(result: GateResult, since: string | null): GateState {
  const findings: GateState['findings'] = [];
  const seen = new Set<string>();
  for (const finding of result.findings) {
    const rule = finding.rule?.slice(0, 200);
    const key = JSON.stringify([finding.category, finding.level, rule ?? null]);
    if (seen.has(key) || findings.length >= MAX_STATE_FINDINGS) continue;
    seen.add(key);
    findings.push({ category: finding.category, level: finding.level, ...(rule !== undefined ? { rule } : {}) });
  }
  const override = result.reviews?.override ?? null;
  return {
    v: 1,
    agent: result.detection.agent?.slice(0, 100) ?? null,
    requester: result.detection.requester?.slice(0, 100) ?? null,
    verdict: result.verdict,
    headSha: result.pr.headSha,
    at: result.evaluatedAt,
    since: result.detection.agent === null ? null : since,
    findings,
    override: override ? { by: override.by.slice(0, 100), at: override.at } : null,
  };
}

/**
 * The comment body with the state line put right after the marker line, so that cutting the body
 * to GitHub's size limit (which cuts the end) never cuts the state.
 */
export function withGateState(body: string, state: GateState): string {
  const newline = body.indexOf('\n');
  const line = renderGateState(state);
  return newline === -1 ? `${body}\n${line}` : `${body.slice(0, newline)}\n${line}${body.slice(newline)}`;
}

export type { Verdict };
