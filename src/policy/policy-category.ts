import type { Policy } from '../config/policy.js';
import type { CategoryId } from '../config/policy.js';
import type { Finding, FindingLocation } from '../result.js';
import type { FileStatus, PrSnapshot } from '../snapshot.js';
import type { DiffLine, ParsedPatch } from './diff.js';
import type { LineSecrets } from './secret-scan.js';

/**
 * The one shape every permission category has (src/policy/categories/*.ts): it reads the prepared
 * PR through a PolicyContext and returns its findings. `category-list.ts` names them all; adding a
 * category is adding a file and a line there.
 */
export interface PolicyCategory {
  id: CategoryId;
  evaluate(context: PolicyContext): Finding[];
}

/** A changed file with its patch parsed once, shared by every category. */
export interface ChangedFile {
  path: string;
  previousPath: string | null;
  status: FileStatus;
  /** The parsed patch; null when GitHub omitted it, so line rules could not see the content. */
  diff: ParsedPatch | null;
  /** The added lines (empty when `diff` is null). */
  added: readonly DiffLine[];
  /** The removed lines (empty when `diff` is null). */
  removed: readonly DiffLine[];
}

/**
 * A dependency manifest's whole text at the PR's base and head (docs/dependencies.md): null when
 * the file does not exist at that commit; `error` when it could not be read.
 */
export interface ManifestContent {
  path: string;
  base: string | null;
  head: string | null;
  error?: string;
}

export interface PolicyContext {
  readonly policy: Policy;
  readonly snapshot: PrSnapshot;
  /** The workflow file that runs the gate, repository-relative, or null when unknown. */
  readonly workflowPath: string | null;
  /** Whole manifests by path, when they were fetched; absent or missing a path → hunks only. */
  readonly manifestContents?: ReadonlyMap<string, ManifestContent>;
  /** Every listed file, sorted by path. */
  readonly files: readonly ChangedFile[];
  /** Secrets in a file's added lines, by line (computed once per file). */
  secretsOf(file: ChangedFile): ReadonlyMap<DiffLine, LineSecrets>;
  /**
   * Indexes (into `file.added`) of the added lines where a global pattern finds a match, in order.
   * The pattern runs over the file's patch (one pass per file, not one call per line), resuming at
   * the next added line after each match, so it serves as a cheap prefilter: every line holding a
   * match is found, and a match that runs past a line's end only makes that line a candidate.
   */
  candidateLines(file: ChangedFile, pattern: RegExp): number[];
  /**
   * candidateLines for a case-insensitive prefilter, given as its lower-case, case-sensitive twin
   * (`/curl|wget/g` for `/curl|wget/gi`), run over the lower-cased text. May return a few lines
   * the /i pattern would not (see policy-context.ts), never fewer: check the lines again.
   */
  candidateLinesFolded(file: ChangedFile, lowerPattern: RegExp): number[];
  /** Indexes of the added lines whose lower-cased text contains `needle` (lower-case). */
  linesContaining(file: ChangedFile, needle: string): number[];
  /**
   * Where an added line is, with a short excerpt (≤ 120 characters, secrets redacted). `at` is the
   * index of the match in the line, so long lines are cut around it.
   */
  locate(file: ChangedFile, line: DiffLine, at?: number): FindingLocation;
}
