import type { CategoryId } from '../config/policy.js';
import type { Level } from '../config/schema.js';
import type { Finding, FindingLocation } from '../result.js';
import type { DiffLine } from './diff.js';
import type { ChangedFile, PolicyContext } from './policy-category.js';
import { compareText, listWithMore, uniqueSorted } from './text.js';

/** A finding keeps at most this many line locations (the message counts all of them). */
export const MAX_LOCATIONS = 50;

const FILES_SHOWN = 3;

export interface FindingInput {
  category: CategoryId;
  rule?: string;
  level: Level;
  reviewers: readonly string[];
  files: readonly string[];
  message: string;
  locations?: readonly FindingLocation[];
}

function compareLocations(a: FindingLocation, b: FindingLocation): number {
  return compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareText(a.excerpt, b.excerpt);
}

/**
 * A finding in its one normal form: files sorted and unique, locations sorted by file and line
 * (one per line) and capped, `satisfied` true only for `allow` (the reviews module decides the rest).
 */
export function createFinding(input: FindingInput): Finding {
  const locations: FindingLocation[] = [];
  let last: FindingLocation | undefined;
  for (const location of [...(input.locations ?? [])].sort(compareLocations)) {
    if (last && last.file === location.file && last.line === location.line) continue;
    locations.push(location);
    last = location;
    if (locations.length === MAX_LOCATIONS) break;
  }
  return {
    category: input.category,
    ...(input.rule === undefined ? {} : { rule: input.rule }),
    level: input.level,
    files: uniqueSorted(input.files),
    message: input.message,
    locations,
    reviewers: [...input.reviewers],
    satisfied: input.level === 'allow',
  };
}

/** What happened to one file: `adds a`, `edits b`, `deletes c`, `renames d → e`. */
export function describeFileChange(file: ChangedFile): string {
  switch (file.status) {
    case 'added':
      return `adds ${file.path}`;
    case 'removed':
      return `deletes ${file.path}`;
    case 'renamed':
      return file.previousPath ? `renames ${file.previousPath} → ${file.path}` : `renames ${file.path}`;
    case 'copied':
      return file.previousPath ? `copies ${file.previousPath} → ${file.path}` : `adds ${file.path}`;
    default:
      return `edits ${file.path}`;
  }
}

/** `edits .github/workflows/ci.yml, adds .github/workflows/release.yml` (by path, first 3, then a count). */
export function describeFileChanges(files: readonly ChangedFile[]): string {
  const sorted = [...files].sort((a, b) => compareText(a.path, b.path));
  return listWithMore(sorted.map(describeFileChange), FILES_SHOWN);
}

/** The files whose path, or old path when renamed, satisfies `test`. */
export function filesMatching(files: readonly ChangedFile[], test: (path: string) => boolean): ChangedFile[] {
  return files.filter((file) => test(file.path) || (file.previousPath !== null && test(file.previousPath)));
}

/**
 * The paths a finding lists for these files: the new path, plus the old path of a rename when only
 * the old one matched (a workflow renamed out of `.github/workflows/` is still owned there).
 */
export function findingPaths(files: readonly ChangedFile[], test: (path: string) => boolean): string[] {
  const paths: string[] = [];
  for (const file of files) {
    paths.push(file.path);
    if (file.previousPath !== null && !test(file.path) && test(file.previousPath)) paths.push(file.previousPath);
  }
  return paths;
}

/**
 * Collects a finding's line locations, counting all of them but building excerpts only for the
 * first MAX_LOCATIONS. Categories read files in path order and lines in order, so the kept ones
 * are the first in sorted order too.
 */
export class LocationList {
  readonly locations: FindingLocation[] = [];
  count = 0;

  constructor(private readonly context: PolicyContext) {}

  add(file: ChangedFile, line: DiffLine, at: number): void {
    this.count += 1;
    if (this.locations.length < MAX_LOCATIONS) this.locations.push(this.context.locate(file, line, at));
  }
}
