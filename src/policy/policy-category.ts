import type * as z from 'zod';
import type { Policy } from '../config/policy.js';
import type { Level } from '../config/schema-parts.js';
import type { Finding, FindingLocation } from '../result.js';
import type { FileStatus, ManifestContent, PrSnapshot } from '../snapshot.js';
import type { DiffLine, ParsedPatch } from './diff.js';
import type { LineHint } from './line-hints.js';
import type { LineSecrets } from './secret-scan.js';
import type { UserRule } from './user-rule.js';

/**
 * The one shape every permission category has (src/policy/categories/*.ts): its id, the schema
 * fragment of its `permissions.<id>` key, its rule in the empty policy, how a file's value applies
 * over a rule, and `evaluate`, which reads the prepared PR through a PolicyContext and returns its
 * built-in findings. The user's own `paths` and `added-lines` of a rule (`userRules`) are applied
 * by evaluatePolicy for every category alike. `category-list.ts` names them all; the policy type,
 * its schema, `emptyPolicy()` and the JSON Schema are derived from that list, so adding a category
 * is adding a file and a line there (docs/architecture.md, "Adding a category").
 */
export interface PolicyCategory<Id extends string = string, Rule = unknown, Schema extends z.ZodType = z.ZodType> {
  id: Id;
  /** One line for the JSON Schema and the policy reference. */
  description: string;
  /** The schema of `permissions.<id>` in the policy file (every key of it optional). */
  schema: Schema;
  /** The rule of `extends: none`. */
  defaults(): Rule;
  /** The file's `permissions.<id>` value applied over `base`: a new rule. */
  apply(base: Rule, value: z.output<Schema>): Rule;
  /** The strictest level the rule gives: what a category that fails to run falls back to. */
  level(rule: Rule): Level;
  /** The user's own paths and added-line patterns of the rule, each its own finding when it matches. */
  userRules(rule: Rule): Array<{ rule: UserRule; name?: string }>;
  /** The category's built-in findings (the user rules are evaluated apart). */
  evaluate(context: PolicyContext): Finding[];
}

/**
 * A category of any id and rule, as the list holds them (every PolicyCategory is one). The rule
 * parameters are `never` so that any rule type fits; the registry (src/policy/registry.ts) is
 * the one place that passes a category its own rule back.
 */
export interface CategoryDefinition {
  readonly id: string;
  readonly description: string;
  readonly schema: z.ZodType;
  defaults(): unknown;
  apply(base: never, value: never): unknown;
  level(rule: never): Level;
  userRules(rule: never): Array<{ rule: UserRule; name?: string }>;
  evaluate(context: PolicyContext): Finding[];
}

/** The rule type of a category. */
export type RuleOf<C> = C extends { defaults(): infer Rule } ? Rule : never;

/** The `permissions` of a resolved policy for a list of categories: each id to its rule. */
export type RulesOf<L extends readonly CategoryDefinition[]> = { [C in L[number] as C['id']]: RuleOf<C> };

/** Types a category's definition (ids stay literal, so the list can derive the policy's type). */
export function defineCategory<const Id extends string, Rule, Schema extends z.ZodType>(
  category: PolicyCategory<Id, Rule, Schema>,
): PolicyCategory<Id, Rule, Schema> {
  return category;
}

/** A changed file with its patch parsed once, shared by every category. */
export interface ChangedFile {
  path: string;
  previousPath: string | null;
  status: FileStatus;
  /** The parsed patch; null when GitHub omitted it, so line rules could not see the content. */
  diff: ParsedPatch | null;
  /** How many lines the patch adds (0 when `diff` is null). */
  readonly addedCount: number;
  /**
   * Added line `index`, the same object as `added[index]`. Readers of a few lines (the ones a
   * prefilter found) take them here: `added` makes an object for every line of the file.
   */
  addedAt(index: number): DiffLine | undefined;
  /** The added lines (empty when `diff` is null). */
  readonly added: readonly DiffLine[];
  /** The removed lines (empty when `diff` is null). */
  readonly removed: readonly DiffLine[];
}

export type { ManifestContent };

export interface PolicyContext {
  readonly policy: Policy;
  readonly snapshot: PrSnapshot;
  /** The workflow file that runs the gate, repository-relative, or null when unknown. */
  readonly workflowPath: string | null;
  /** Every listed file, sorted by path. */
  readonly files: readonly ChangedFile[];
  /**
   * The touched dependency manifests read in full at base and head, by head path (the gate
   * pipeline reads them; see docs/architecture.md). Undefined when they were not read (a saved
   * snapshot without them): then the patches are all there is. A manifest not in the map, or one
   * with an `error`, was not read and is already an `incomplete` gap.
   */
  readonly manifestContents?: ReadonlyMap<string, ManifestContent>;
  /** Secrets in a file's added lines, by line (computed once per file). */
  secretsOf(file: ChangedFile): ReadonlyMap<DiffLine, LineSecrets>;
  /**
   * Indexes (into `file.added`) of the added lines that hold one of the hint's words, in order
   * (docs/architecture.md, "Line hints"): one pass per file marks every hint of every line, so
   * this is a cheap prefilter. A hint may admit lines its reader does not want: check them.
   */
  candidateLines(file: ChangedFile, hint: LineHint): readonly number[];
  /** Indexes of the added lines whose lower-cased text contains `needle` (lower-case). */
  linesContaining(file: ChangedFile, needle: string): number[];
  /**
   * Where an added line is, with a short excerpt (≤ 120 characters, secrets redacted). `at` is the
   * index of the match in the line, so long lines are cut around it.
   */
  locate(file: ChangedFile, line: DiffLine, at?: number): FindingLocation;
}
