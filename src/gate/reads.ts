import type { Lookups, ManifestContent, PrSnapshot } from '../snapshot.js';

/**
 * What the gate pipeline has read, and what it asks for next (docs/architecture.md, "The
 * pipeline"). Plain data both ways: `plan` (src/gate/plan.ts) turns reads into a ReadRequest, the
 * adapter (src/github/fetch-gate-reads.ts) answers it with a ReadAnswer, and `addAnswer` folds the
 * answer in. Nothing here is ever written to: each round makes new objects.
 */

/** A manifest to read: at `path` on the head commit, at `basePath` (its old path if renamed) on the base. */
export interface ManifestRequest {
  path: string;
  basePath: string;
}

/** One round of reads the core asks for. An empty request means "nothing more to read". */
export interface ReadRequest {
  /** Read the PR's file pages after the first (only an agent PR is judged on its patches). */
  filePages: boolean;
  /** Touched dependency manifests to read in full, at the base and the head commit. */
  manifests: ManifestRequest[];
  /** Logins whose repository permission a rule needs. */
  permissions: string[];
  /** `org/team`s whose members a rule needs. */
  teams: string[];
}

/** The adapter's answer to one ReadRequest: only what was asked, as plain data. */
export interface ReadAnswer {
  /** The PR with every file page, when `filePages` was asked. */
  snapshot?: PrSnapshot;
  /** Answers to the permission and team lookups asked (failures carry their reason). */
  lookups?: Lookups;
  /** The manifests asked, one entry each, when `manifests` was asked (and could be answered). */
  manifests?: ManifestContent[];
}

export interface Reads {
  /** The PR as the adapter built it: the first file page until the other pages are read. */
  snapshot: PrSnapshot;
  /** Whether GitHub lists file pages beyond `snapshot.files` that were not read. */
  morePages: boolean;
  /** Every lookup answered so far (a saved snapshot's own lookups included). */
  lookups: Lookups;
  /** Manifest contents read so far; null while none were read (or none could be, offline). */
  manifests: ManifestContent[] | null;
  /** Everything asked so far, answered or not, so that no round asks twice. */
  asked: { manifests: boolean; permissions: string[]; teams: string[] };
}

export const NO_REQUEST: ReadRequest = { filePages: false, manifests: [], permissions: [], teams: [] };

export function isEmptyRequest(request: ReadRequest): boolean {
  return !request.filePages && request.manifests.length === 0 && request.permissions.length === 0 && request.teams.length === 0;
}

/**
 * The reads a run starts with: the first round's snapshot, with whatever it was saved with (a
 * snapshot saved by `check --save` holds its lookups and, in its own field, the manifests read).
 */
export function firstReads(snapshot: PrSnapshot, options: { morePages?: boolean; manifests?: ManifestContent[] | null } = {}): Reads {
  const manifests = options.manifests ?? null;
  return {
    snapshot,
    morePages: options.morePages ?? false,
    lookups: snapshot.lookups,
    manifests,
    asked: { manifests: manifests !== null, permissions: Object.keys(snapshot.lookups.permissions), teams: Object.keys(snapshot.lookups.teams) },
  };
}

/** The reads with one round's answer folded in (a new object; `reads` is left as it was). */
export function addAnswer(reads: Reads, request: ReadRequest, answer: ReadAnswer): Reads {
  return {
    snapshot: answer.snapshot ?? reads.snapshot,
    morePages: request.filePages ? false : reads.morePages,
    lookups: {
      permissions: { ...reads.lookups.permissions, ...answer.lookups?.permissions },
      teams: { ...reads.lookups.teams, ...answer.lookups?.teams },
    },
    manifests: answer.manifests ? [...(reads.manifests ?? []), ...answer.manifests] : reads.manifests,
    asked: {
      manifests: reads.asked.manifests || request.manifests.length > 0,
      permissions: [...reads.asked.permissions, ...request.permissions],
      teams: [...reads.asked.teams, ...request.teams],
    },
  };
}

/**
 * The snapshot as the core reads it: what the adapter built, with the lookups answered since and
 * the run's own `headSeenAt` (see GateOptions). A new object; the snapshot itself is never written.
 */
export function gateView(reads: Reads, headSeenAt: string | null | undefined): PrSnapshot {
  const view: PrSnapshot = { ...reads.snapshot, lookups: reads.lookups };
  if (headSeenAt !== undefined) view.headSeenAt = headSeenAt;
  return view;
}
