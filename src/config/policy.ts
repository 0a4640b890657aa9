import type { AgentFile, Level, PolicyFile } from './schema.js';

/**
 * The resolved policy: a user file applied over its preset, every value present. This is what the
 * core reads; it never sees the kebab-case file shape.
 */

export type CategoryId =
  | 'dependencies'
  | 'network'
  | 'workflows'
  | 'secrets'
  | 'tests-weakened'
  | 'gate-config'
  | 'sensitive-paths'
  | 'size'
  | 'custom';

export const BUILTIN_CATEGORIES = [
  'dependencies',
  'network',
  'workflows',
  'secrets',
  'tests-weakened',
  'gate-config',
  'sensitive-paths',
] as const;
export type BuiltinCategory = (typeof BUILTIN_CATEGORIES)[number];

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
  permissions: Record<BuiltinCategory, CategoryRule> & { size: SizeRule; custom: CustomRule[] };
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

/** The policy of `extends: none`: every category allow, no approvals required. */
export function emptyPolicy(): Policy {
  const allow = (): CategoryRule => ({ level: 'allow', paths: [], addedLines: [], reviewers: [] });
  return {
    preset: 'none',
    bots: [],
    agents: [],
    permissions: {
      dependencies: allow(),
      network: allow(),
      workflows: allow(),
      secrets: allow(),
      'tests-weakened': allow(),
      'gate-config': { ...allow(), level: 'review' },
      'sensitive-paths': allow(),
      size: { level: 'allow', maxFiles: 100, maxLines: 5000, reviewers: [] },
      custom: [],
    },
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
 * base's, lists included (so a file can shorten a preset's list). `gate-config` never drops below
 * `review`.
 */
export function applyPolicyFile(base: Policy, file: PolicyFile): Policy {
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
  const permissions = file.permissions;
  if (permissions) {
    for (const id of BUILTIN_CATEGORIES) {
      const value = permissions[id];
      if (value === undefined) continue;
      const target = out.permissions[id];
      if (typeof value === 'string') {
        target.level = value;
      } else {
        if (value.level !== undefined) target.level = value.level;
        if (value.paths) target.paths = [...value.paths];
        if (value['added-lines']) target.addedLines = [...value['added-lines']];
        if (value.reviewers) target.reviewers = [...value.reviewers];
      }
    }
    if (permissions.size) {
      const size = permissions.size;
      if (size.level !== undefined) out.permissions.size.level = size.level;
      if (size['max-files'] !== undefined) out.permissions.size.maxFiles = size['max-files'];
      if (size['max-lines'] !== undefined) out.permissions.size.maxLines = size['max-lines'];
      if (size.reviewers) out.permissions.size.reviewers = [...size.reviewers];
    }
    if (permissions.custom) {
      out.permissions.custom = permissions.custom.map((rule) => ({
        name: rule.name,
        level: rule.level,
        paths: rule.paths ?? [],
        addedLines: rule['added-lines'] ?? [],
        reviewers: rule.reviewers ?? [],
      }));
    }
  }
  const gate = out.permissions['gate-config'];
  if (LEVEL_RANK[gate.level] < LEVEL_RANK.review) gate.level = 'review';

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
