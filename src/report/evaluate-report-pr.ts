import type { Policy } from '../config/policy.js';
import { detectAgent } from '../detect/detect-agent.js';
import { parseGateState } from '../gate-state.js';
import { findStickyComment } from '../github/find-sticky-comment.js';
import { sameLogin } from '../identity.js';
import { COMMENT_MARKER } from '../render/marker.js';
import { computeMetrics } from '../metrics/compute-metrics.js';
import type { PrSnapshot } from '../snapshot.js';
import { cohortOf, type CompareSpec } from './cohorts.js';
import type { PrGate, ReportPr } from './report-types.js';
import type { RevertInfo } from './reverts.js';
import { tierFromLabels, type TierLabels } from './tier-labels.js';
import type { ReportWindow } from './window.js';

/**
 * One PR of the window through the same core as gate mode (`detectAgent`, `computeMetrics`), with
 * what report mode adds (docs/report-mode.md): the tier (a mapped label, else size), the
 * comparison side, the path areas, and the gate's own last state. Null when it is not an agent
 * PR. Pure: `now` is the evaluation time.
 */

export interface ReportPrContext {
  repo: string;
  window: ReportWindow;
  tierLabels: TierLabels;
  compare: CompareSpec | null;
  /** The first changed paths (report search), null when unknown. */
  filePaths: readonly string[] | null;
  /** A fresh evaluation of an ungated PR (report-evaluate), used when there is no gate state. */
  evaluated?: PrGate | null;
  /** The gate's app login when it is not the token's identity (`--gate-login`); see gateOf. */
  gateLogin?: string | null;
}

/** `src/`, `infra/`, or `(root)` for a file at the top: the first directory of each path. */
export function areasOf(paths: readonly string[]): string[] {
  const areas = new Set(paths.map((path) => (path.includes('/') ? `${path.slice(0, path.indexOf('/'))}/` : '(root)')));
  return [...areas].sort();
}

/**
 * The gate's comment when its identity is named (`--gate-login`, an app login such as
 * `github-actions[bot]`): the oldest comment with the marker whose author is a Bot of that login.
 * Only an app holds a `[bot]` login, so a user account with a look-alike name never matches.
 */
function namedGateComment(snapshot: PrSnapshot, login: string): PrSnapshot['comments'][number] | null {
  const ours = snapshot.comments.filter((c) => c.body.includes(COMMENT_MARKER) && c.author?.type === 'Bot' && sameLogin(c.author.login, login));
  ours.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  return ours[0] ?? null;
}

/**
 * The gate's last state, only from our own comment: the marker AND the gate's identity — the
 * token's (findStickyComment, as the gate finds its comment), or the app login given with
 * `--gate-login`; a state line planted in anybody else's comment is never read.
 */
export function gateOf(snapshot: PrSnapshot, gateLogin: string | null = null): PrGate | null {
  const comment = gateLogin ? namedGateComment(snapshot, gateLogin) : findStickyComment(snapshot.comments, snapshot.viewer);
  const state = comment ? parseGateState(comment.body) : null;
  if (!state) return null;
  return {
    source: 'state',
    verdict: state.verdict,
    headSha: state.headSha,
    findings: state.findings.map((finding) => ({ category: finding.category, level: finding.level, ...(finding.rule ? { rule: finding.rule } : {}) })),
    overridden: state.override !== null,
  };
}

function passedHead(gate: PrGate | null, headSha: string): boolean {
  if (!gate || gate.source !== 'state' || gate.verdict !== 'pass') return false;
  return headSha.toLowerCase().startsWith(gate.headSha.toLowerCase());
}

export function evaluateReportPr(policy: Policy, snapshot: PrSnapshot, revertedBy: RevertInfo | null, now: Date, context: ReportPrContext): ReportPr | null {
  const detection = detectAgent(policy, snapshot);
  if (detection.agent === null) return null;
  const metrics = computeMetrics(policy, snapshot, detection, now);
  const merged = snapshot.state === 'merged';
  const reverted = merged && revertedBy !== null;
  const closedAfterChangesRequested = snapshot.state === 'closed' && metrics.interventions.changeRequests > 0;
  const gate = gateOf(snapshot, context.gateLogin ?? null) ?? context.evaluated ?? null;
  const cohort = context.compare
    ? cohortOf(context.compare, context.window, {
        createdAt: snapshot.createdAt,
        labels: snapshot.labels,
        body: snapshot.body,
        commitMessages: snapshot.commits.map((commit) => commit.message),
      })
    : null;
  return {
    repo: context.repo,
    number: snapshot.number,
    agent: detection.agent,
    state: snapshot.state,
    url: snapshot.url,
    title: snapshot.title,
    createdAt: snapshot.createdAt,
    reverted,
    ...(reverted && revertedBy ? { revertedBy: { by: revertedBy.by, url: revertedBy.url } } : {}),
    failure: reverted ? 'reverted' : closedAfterChangesRequested ? 'closed-after-changes-requested' : null,
    tier: tierFromLabels(snapshot.labels, context.tierLabels) ?? metrics.tier,
    cohort,
    areas: context.filePaths ? areasOf(context.filePaths) : null,
    gate,
    mergedWithoutPass: merged && !passedHead(gate, snapshot.headSha),
    metrics,
  };
}
