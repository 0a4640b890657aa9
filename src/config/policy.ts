import { POLICY_CATEGORIES, type CategoryId, type PermissionRules } from '../policy/category-list.js';
import type { CategoryDefinition } from '../policy/policy-category.js';
import type { AgentFile, Level, PolicyFile } from './schema.js';

/**
 * The resolved policy: a user file applied over its preset, every value present. This is what the
 * core reads; it never sees the kebab-case file shape.
 */

export type { CategoryId } from '../policy/category-list.js';

/** The categories whose rule is the usual CategoryRule (a level, reviewers, paths, added-lines). */
export type BuiltinCategory = { [K in CategoryId]: PermissionRules[K] extends CategoryRule ? K : never }[CategoryId];

export { BUILTIN_CATEGORIES } from '../policy/category-list.js';

export interface CategoryRule {
  level: Level;
  /** Extra globs (beyond the built-in ones) that belong to the category. */
  paths: string[];
  /** Extra added-line patterns (RE2 syntax) that belong to the category. */
  addedLines: string[];
  /** Users and `@org/team`s who can satisfy a review-level finding; empty means any counted approval. */
  reviewers: string[];
}

export interface CustomRule extends CategoryRule {
  name: string;
}

export interface SizeRule {
  level: Level;
  maxFiles: number;
  maxLines: number;
  reviewers: string[];
}

export interface AgentDefinition {
  id: string;
  name: string;
  enabled: boolean;
  authors: string[];
  authorIds: number[];
  commitAuthors: string[];
  branches: string[];
  labels: string[];
  body: string[];
  trailers: string[];
}

export type AgentOverride = { id: string } & Partial<Omit<AgentDefinition, 'id'>>;

export interface Policy {
  /** The preset the file extended (or `default`). */
  preset: string;
  bots: string[];
  /**
   * The policy's `agents:` entries, holding only the fields the file set; src/detect merges them
   * over the built-in definition with the same id (`resolveAgents`).
   */
  agents: AgentOverride[];
  /** Each category's rule, by id (src/policy/category-list.ts). */
  permissions: PermissionRules;
  network: { allowedHosts: string[] };
  reviews: {
    requiredApprovals: number;
    excludeRequester: boolean;
    approvalsAfterLastPush: boolean;
    codeowners: boolean;
    blockOnChangesRequested: boolean;
  };
  overrides: { label: string };
  metrics: { tiers: { small: { maxFiles: number; maxLines: number }; medium: { maxFiles: number; maxLines: number } } };
}

/**
 * Each category's rule in the empty policy. `categories` is the built-in list unless a test
 * registers its own (then the result holds their rules too).
 */
export function emptyPermissions(categories: readonly CategoryDefinition[] = POLICY_CATEGORIES): PermissionRules {
  return Object.fromEntries(categories.map((category) => [category.id, category.defaults()])) as PermissionRules;
}

/** The policy of `extends: none`: every category at its default (allow; gate-config review), no approvals required. */
export function emptyPolicy(categories: readonly CategoryDefinition[] = POLICY_CATEGORIES): Policy {
  return {
    preset: 'none',
    bots: [],
    agents: [],
    permissions: emptyPermissions(categories),
    network: { allowedHosts: [] },
    reviews: {
      requiredApprovals: 0,
      excludeRequester: true,
      approvalsAfterLastPush: true,
      codeowners: false,
      blockOnChangesRequested: true,
    },
    overrides: { label: 'agent-pr-gate/override' },
    metrics: { tiers: { small: { maxFiles: 3, maxLines: 50 }, medium: { maxFiles: 20, maxLines: 400 } } },
  };
}

function agentFromFile(file: AgentFile, base: AgentOverride | undefined): AgentOverride {
  const out: AgentOverride = { ...base, id: file.id };
  if (file.name !== undefined) out.name = file.name;
  if (file.enabled !== undefined) out.enabled = file.enabled;
  if (file.authors) out.authors = [...file.authors];
  if (file['author-ids']) out.authorIds = [...file['author-ids']];
  if (file['commit-authors']) out.commitAuthors = [...file['commit-authors']];
  if (file.branches) out.branches = [...file.branches];
  if (file.labels) out.labels = [...file.labels];
  if (file.body) out.body = [...file.body];
  if (file.trailers) out.trailers = [...file.trailers];
  return out;
}

const LEVEL_RANK: Record<Level, number> = { allow: 0, review: 1, deny: 2 };

/**
 * Applies one policy file over a base policy, key by key: a value the file sets replaces the
 * base's, lists included (so a file can shorten a preset's list). Each category applies its own
 * `permissions.<id>` (so `gate-config` never drops below `review`).
 */
export function applyPolicyFile(base: Policy, file: PolicyFile, categories: readonly CategoryDefinition[] = POLICY_CATEGORIES): Policy {
  const out: Policy = structuredClone(base);
  if (file.bots) out.bots = [...file.bots];
  if (file.agents) {
    for (const agent of file.agents) {
      const index = out.agents.findIndex((a) => a.id === agent.id);
      const merged = agentFromFile(agent, index >= 0 ? out.agents[index] : undefined);
      if (index >= 0) out.agents[index] = merged;
      else out.agents.push(merged);
    }
  }
  const permissions: Record<string, unknown> = file.permissions ?? {};
  const rules = out.permissions as Record<string, unknown>;
  for (const category of categories) {
    const value = permissions[category.id];
    // The value was checked against this category's own schema fragment (parse.ts).
    if (value !== undefined) rules[category.id] = category.apply(rules[category.id] as never, value as never);
  }

  if (file.network?.['allowed-hosts']) out.network.allowedHosts = [...file.network['allowed-hosts']];
  const reviews = file.reviews;
  if (reviews) {
    if (reviews['required-approvals'] !== undefined) out.reviews.requiredApprovals = reviews['required-approvals'];
    if (reviews['exclude-requester'] !== undefined) out.reviews.excludeRequester = reviews['exclude-requester'];
    if (reviews['approvals-after-last-push'] !== undefined) out.reviews.approvalsAfterLastPush = reviews['approvals-after-last-push'];
    if (reviews.codeowners !== undefined) out.reviews.codeowners = reviews.codeowners;
    if (reviews['block-on-changes-requested'] !== undefined) out.reviews.blockOnChangesRequested = reviews['block-on-changes-requested'];
  }
  if (file.overrides?.label !== undefined) out.overrides.label = file.overrides.label;
  const tiers = file.metrics?.tiers;
  if (tiers?.small) out.metrics.tiers.small = { maxFiles: tiers.small['max-files'], maxLines: tiers.small['max-lines'] };
  if (tiers?.medium) out.metrics.tiers.medium = { maxFiles: tiers.medium['max-files'], maxLines: tiers.medium['max-lines'] };
  return out;
}

export function levelAtLeast(level: Level, threshold: Level): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[threshold];
}
