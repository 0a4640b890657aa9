import { RE2JS } from 're2js';
import { parseReportWindow, ReportWindowError, type ReportWindow } from './window.js';

/**
 * The `report-compare` value (docs/report-mode.md, "Comparing"): which side of a comparison each
 * agent PR falls on. Pure; user patterns compile with RE2JS, a linear-time engine.
 *
 * - `2026-01-22..2026-02-04` (any `report-window` form): a second window, compared with
 *   `report-window`;
 * - `label:model/`: the rest of the PR's first label with that prefix (`model/b` → `b`);
 * - `pattern:^Model: (\S+)`: the one capture group's first match in the PR body, else in its
 *   commit messages (trailers), multi-line (`^` is a line start);
 * - `split:2026-02-05`: PRs created before that instant, and from it on.
 */

export type CompareSpec =
  | { kind: 'window'; input: string; window: ReportWindow }
  | { kind: 'label'; input: string; prefix: string }
  | { kind: 'pattern'; input: string; pattern: RE2JS }
  | { kind: 'split'; input: string; at: Date };

export class CompareError extends Error {
  override name = 'CompareError';
}

const HELP = 'use a second window (2026-01-22..2026-02-04), label:PREFIX, pattern:REGEX with one capture group, or split:DATE';

/** Parses `report-compare`; null for an empty value. Throws CompareError with one line. */
export function parseCompare(input: string, now: Date): CompareSpec | null {
  const text = input.trim();
  if (text === '') return null;
  if (text.startsWith('label:')) {
    const prefix = text.slice('label:'.length);
    if (prefix.trim() === '') throw new CompareError(`report-compare "${input}" needs a label prefix after label: (${HELP})`);
    return { kind: 'label', input: text, prefix };
  }
  if (text.startsWith('pattern:')) {
    const source = text.slice('pattern:'.length);
    let pattern: RE2JS;
    try {
      pattern = RE2JS.compile(source, RE2JS.MULTILINE);
    } catch (error) {
      throw new CompareError(`report-compare "${input}" has a pattern that does not compile: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (pattern.groupCount() !== 1) {
      throw new CompareError(`report-compare "${input}" needs exactly one capture group, it has ${pattern.groupCount()} (${HELP})`);
    }
    return { kind: 'pattern', input: text, pattern };
  }
  try {
    if (text.startsWith('split:')) {
      const day = text.slice('split:'.length).trim();
      const window = parseReportWindow(`${day}..${day}`, now);
      return { kind: 'split', input: text, at: window.from };
    }
    return { kind: 'window', input: text, window: parseReportWindow(text, now) };
  } catch (error) {
    if (error instanceof ReportWindowError) throw new CompareError(`report-compare "${input}": ${error.message.replace(/^report-window "[^"]*" /, '')}`);
    throw error;
  }
}

/** `2026-01-05..2026-01-18`: a window as a side's name. */
export function windowName(window: ReportWindow): string {
  const day = (date: Date): string => date.toISOString().slice(0, 10);
  return `${day(window.from)}..${day(window.to)}`;
}

/** The span a report must read: the window, and the second window when comparing windows. */
export function readSpan(window: ReportWindow, spec: CompareSpec | null): ReportWindow {
  if (spec?.kind !== 'window') return window;
  return {
    from: new Date(Math.min(window.from.getTime(), spec.window.from.getTime())),
    to: new Date(Math.max(window.to.getTime(), spec.window.to.getTime())),
  };
}

/** The two sides' names in order (`a` first: the earlier one for windows and dates). */
export function fixedSides(spec: CompareSpec, window: ReportWindow): [string, string] | null {
  if (spec.kind === 'split') {
    const day = spec.at.toISOString().slice(0, 10);
    return [`before ${day}`, `from ${day}`];
  }
  if (spec.kind !== 'window') return null;
  const main = windowName(window);
  const other = windowName(spec.window);
  return spec.window.from.getTime() < window.from.getTime() ? [other, main] : [main, other];
}

export interface CohortSource {
  createdAt: string;
  labels: readonly string[];
  body: string;
  commitMessages: readonly string[];
}

function inWindow(time: number, window: ReportWindow): boolean {
  return time >= window.from.getTime() && time <= window.to.getTime();
}

/** The side a PR falls on, or null. */
export function cohortOf(spec: CompareSpec, window: ReportWindow, pr: CohortSource): string | null {
  const created = Date.parse(pr.createdAt);
  switch (spec.kind) {
    case 'window': {
      // A PR in both windows (they overlap) is on the report window's side.
      if (inWindow(created, window)) return windowName(window);
      return inWindow(created, spec.window) ? windowName(spec.window) : null;
    }
    case 'split': {
      const [before, after] = fixedSides(spec, window)!;
      return created < spec.at.getTime() ? before : after;
    }
    case 'label': {
      const prefix = spec.prefix.toLowerCase();
      const label = pr.labels.find((name) => name.toLowerCase().startsWith(prefix) && name.length > prefix.length);
      return label === undefined ? null : label.slice(prefix.length);
    }
    case 'pattern': {
      for (const text of [pr.body, ...pr.commitMessages]) {
        const matcher = spec.pattern.matcher(text);
        if (matcher.find()) {
          const value = matcher.group(1);
          if (value) return value.slice(0, 100);
        }
      }
      return null;
    }
  }
}
