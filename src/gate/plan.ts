import type { Policy } from '../config/policy.js';
import { detectGated } from '../detect/gate-memory.js';
import { detectionLookups } from '../detect/detection-lookups.js';
import { dependencyFileOf } from '../policy/dependencies/manifests.js';
import { evaluatePolicy } from '../policy/evaluate-policy.js';
import type { CategoryDefinition } from '../policy/policy-category.js';
import type { Detection, Finding } from '../result.js';
import { planLookups } from '../reviews/plan-lookups.js';
import type { ManifestContent, PrSnapshot } from '../snapshot.js';
import { gateView, NO_REQUEST, isEmptyRequest, type ManifestRequest, type ReadRequest, type Reads } from './reads.js';

/**
 * Stage 1 of the gate pipeline (docs/architecture.md, "The pipeline"): from the policy and what
 * has been read so far, what must still be read before `decide` can run. Pure. A run calls it
 * once per round until the request is empty:
 *
 * 1. the first round's snapshot → detection (once, carried on); a human PR needs nothing more;
 *    an agent PR needs its other file pages, and the permissions of whoever removed an agent label;
 * 2. every file listed → the touched dependency manifests, at base and head;
 * 3. manifests read → the permission findings (once, carried on), and the override applier's
 *    permission and the reviewer teams an approval needs.
 *
 * Each thing is asked at most once (Reads.asked), so a run ends even when an answer is missing.
 */

export interface GateOptions {
  /** Evaluation time (metrics of open PRs run to now). */
  now: Date;
  /** The workflow file that runs the gate (from GITHUB_WORKFLOW_REF), part of `gate-config`. */
  workflowPath?: string | null;
  /**
   * When GitHub is known to have had the head commit on the PR (see PrSnapshot.headSeenAt), as
   * this run knows it; absent: the snapshot's own. An input, never written into the snapshot.
   */
  headSeenAt?: string | null;
  /** The permission categories: the built-in list (src/policy/category-list.ts) unless a test registers its own. */
  categories?: readonly CategoryDefinition[];
}

/** What earlier rounds computed, carried into later rounds and into `decide`. */
export interface Carried {
  /**
   * Detection on the first round's snapshot. Before lookups a removed agent label still counts
   * (fail closed), so this is a superset of the final detection: `decide` settles it with the
   * looked-up permissions when it depended on them.
   */
  detection: Detection;
  /** The permission findings, once every file and manifest was read (null before, or for a human PR). */
  findings: Finding[] | null;
}

export interface PlanStep {
  request: ReadRequest;
  carried: Carried;
}

/** At most this many manifests are read in full; the rest are an `incomplete` gap. */
export const MAX_MANIFESTS = 50;

/** Every touched dependency manifest of the snapshot, in file order. */
export function manifestsOf(snapshot: PrSnapshot): ManifestRequest[] {
  return snapshot.files
    .filter((file) => dependencyFileOf(file.path)?.kind === 'manifest')
    .map((file) => ({ path: file.path, basePath: file.previousPath ?? file.path }));
}

/** The manifest contents by path for the policy context; undefined when none were read. */
export function manifestMap(manifests: readonly ManifestContent[] | null): ReadonlyMap<string, ManifestContent> | undefined {
  if (manifests === null) return undefined;
  return new Map(manifests.map((manifest) => [manifest.path, manifest]));
}

function notAsked(values: readonly string[], asked: readonly string[]): string[] {
  const seen = new Set(asked);
  return [...new Set(values)].filter((value) => !seen.has(value));
}

export function plan(policy: Policy, reads: Reads, carried: Carried | null, options: GateOptions): PlanStep {
  const view = gateView(reads, options.headSeenAt);
  const detection = carried?.detection ?? detectGated(policy, view);
  // Not an agent PR even with every removed label counting: nothing it could read changes that.
  if (detection.agent === null) return { request: NO_REQUEST, carried: { detection, findings: null } };

  const permissions = notAsked(detectionLookups(policy, view), reads.asked.permissions);
  if (reads.morePages) return { request: { ...NO_REQUEST, filePages: true, permissions }, carried: { detection, findings: null } };

  if (!reads.asked.manifests) {
    const manifests = manifestsOf(view).slice(0, MAX_MANIFESTS);
    if (manifests.length > 0) return { request: { ...NO_REQUEST, manifests, permissions }, carried: { detection, findings: null } };
  }

  const findings =
    carried?.findings ??
    evaluatePolicy(policy, view, { workflowPath: options.workflowPath ?? null, manifestContents: manifestMap(reads.manifests), categories: options.categories });
  const review = planLookups(policy, view, findings);
  const request: ReadRequest = {
    ...NO_REQUEST,
    permissions: notAsked([...permissions, ...review.permissions], reads.asked.permissions),
    teams: notAsked(review.teams, reads.asked.teams),
  };
  return { request: isEmptyRequest(request) ? NO_REQUEST : request, carried: { detection, findings } };
}
