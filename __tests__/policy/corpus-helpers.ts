/**
 * Builders for the policy corpus: changed files with realistic REST-style patches (hunks only),
 * and the compact form findings are compared in.
 */
import type { PolicyFile } from '../../src/config/schema.js';
import type { Finding } from '../../src/result.js';
import type { FileChange } from '../../src/snapshot.js';

function count(patch: string | null, prefix: string): number {
  return (patch ?? '').split('\n').filter((line) => line.startsWith(prefix)).length;
}

function change(path: string, status: FileChange['status'], patch: string | null, previousPath: string | null = null): FileChange {
  return { path, previousPath, status, additions: count(patch, '+'), deletions: count(patch, '-'), patch };
}

/** A new file with these lines. */
export function added(path: string, lines: readonly string[]): FileChange {
  return change(path, 'added', [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)].join('\n'));
}

/** A modified file; `patch` is the hunks as GitHub sends them (`@@ … @@` lines included). */
export function modified(path: string, patch: string): FileChange {
  return change(path, 'modified', patch);
}

/** A deleted file that had these lines. */
export function deleted(path: string, lines: readonly string[]): FileChange {
  return change(path, 'removed', [`@@ -1,${lines.length} +0,0 @@`, ...lines.map((line) => `-${line}`)].join('\n'));
}

export function renamed(from: string, to: string, patch = ''): FileChange {
  return change(to, 'renamed', patch, from);
}

/** A file GitHub sent no patch for (binary or too large). */
export function unseen(path: string, status: FileChange['status'] = 'modified'): FileChange {
  return { path, previousPath: null, status, additions: 10, deletions: 2, patch: null };
}

/** The corpus policy: everything reviewed, workflows and secrets denied, a small host allowlist. */
export const BASE_POLICY: PolicyFile = {
  permissions: {
    dependencies: 'review',
    network: 'review',
    workflows: 'deny',
    secrets: 'deny',
    'tests-weakened': 'review',
    'gate-config': 'review',
    'sensitive-paths': { level: 'review', paths: [] },
    size: { level: 'review', 'max-files': 100, 'max-lines': 5000 },
  },
  network: { 'allowed-hosts': ['github.com', '*.github.com', '*.npmjs.org', 'pypi.org'] },
};

/** A finding as the corpus states it: locations as `file:line`. */
export interface Expected {
  category: Finding['category'];
  rule?: string;
  level: Finding['level'];
  files: string[];
  message: string;
  lines: string[];
  reviewers?: string[];
}

export function compact(finding: Finding): Expected {
  return {
    category: finding.category,
    ...(finding.rule === undefined ? {} : { rule: finding.rule }),
    level: finding.level,
    files: finding.files,
    message: finding.message,
    lines: finding.locations.map((location) => `${location.file}:${location.line ?? '-'}`),
    ...(finding.reviewers.length > 0 ? { reviewers: finding.reviewers } : {}),
  };
}

const DEFAULT_LEVELS: Record<string, Finding['level']> = {
  dependencies: 'review',
  network: 'review',
  workflows: 'deny',
  secrets: 'deny',
  'tests-weakened': 'review',
  'gate-config': 'review',
  'sensitive-paths': 'review',
  size: 'review',
  custom: 'review',
};

/** An expected finding at the corpus policy's level for its category. */
export function finding(
  category: Finding['category'],
  files: string[],
  message: string,
  lines: string[] = [],
  extra: Partial<Pick<Expected, 'level' | 'rule' | 'reviewers'>> = {},
): Expected {
  return {
    category,
    ...(extra.rule === undefined ? {} : { rule: extra.rule }),
    level: extra.level ?? DEFAULT_LEVELS[category] ?? 'review',
    files,
    message,
    lines,
    ...(extra.reviewers ? { reviewers: extra.reviewers } : {}),
  };
}
