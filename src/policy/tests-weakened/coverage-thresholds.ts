import type { DiffLine } from '../diff.js';
import { baseName, isCiConfigPath, isDocPath, isScriptPath } from '../file-kinds.js';
import type { ChangedFile } from '../policy-category.js';

/**
 * Coverage thresholds lowered or removed (docs/categories.md, "tests-weakened"), read from the
 * lines a change removes and adds in the files that hold them:
 *
 * - vitest and jest configs and package.json: `thresholds`/`coverageThreshold` blocks, `lines`,
 *   `branches`, `functions`, `statements`, `perFile`; nyc and c8 (`.nycrc*`, `.c8rc*`,
 *   `nyc.config.*`): the same keys and `check-coverage`;
 * - coverage.py (`.coveragerc`, `setup.cfg`, `tox.ini`, `pyproject.toml`): `fail_under`;
 * - codecov.yml: `target` (lower is weaker), `threshold` (the drop allowed: higher is weaker),
 *   `informational: true` (the status never fails);
 * - command lines anywhere scripts and CI run: `--cov-fail-under`, `--fail-under`, nyc/c8's
 *   `--lines 80`, `--check-coverage`, vitest's `--coverage.thresholds.lines=80`.
 *
 * The n-th removed value of a key is paired with the n-th added one: a lower value (a higher one
 * for codecov's `threshold`), `true` turned `false` (the reverse for `informational`), or a key
 * removed and not added back is a finding. A threshold raised is not.
 */

export interface LoweredThreshold {
  /** The added line with the weaker value, or the removed line of a removed key. */
  line: DiffLine;
  at: number;
  /** As shown: `lines 80 → 0`, `removes fail_under`. */
  change: string;
}

export const CONFIG_FILE =
  /^(?:(?:vitest|vite|jest|karma|nyc|c8)\.config\.[cm]?[jt]s|vitest\.workspace\.[cm]?[jt]s|jest\.config\.json|\.nycrc(?:\.json|\.ya?ml)?|\.c8rc(?:\.json)?|nyc\.config\.[cm]?js|package\.json|\.coveragerc|setup\.cfg|tox\.ini|pyproject\.toml|pytest\.ini)$/;
export const CODECOV_FILE = /^\.?codecov\.ya?ml$/;

/** `lines: 80`, `"branches": 90`, `fail_under = 85`, `checkCoverage: true`, `coverageThreshold: {`. */
export const CONFIG_KEY =
  /(?<![\w-])["']?(lines|branches|functions|statements|fail_under|fail-under|check-coverage|checkCoverage|perFile|coverageThreshold|thresholds)["']?\s{0,5}[:=]\s{0,5}["']?(\d{1,3}(?:\.\d{1,6})?(?!\w)|true\b|false\b|\{)?/g;
export const CLI_KEY = /--(cov-fail-under|fail-under|lines|branches|functions|statements|check-coverage|coverage\.thresholds\.(?:lines|branches|functions|statements))(?:[= ]\s{0,3}(\d{1,3}(?:\.\d{1,6})?(?!\w)|true\b|false\b))?/g;
export const CODECOV_KEY = /(?<![\w-])(target|threshold|informational)\s{0,5}:\s{0,5}["']?(\d{1,3}(?:\.\d{1,6})?(?!\w)|true\b|false\b)/g;

/** Keys whose higher value is the weaker one, and booleans whose `true` is the weaker one. */
const HIGHER_IS_WEAKER = new Set(['threshold']);
const TRUE_IS_WEAKER = new Set(['informational']);
/** Keys that are a block or a flag: present or not, their value does not compare. */
const PRESENCE_ONLY = new Set(['coverageThreshold', 'thresholds', 'check-coverage']);

interface Setting {
  key: string;
  value: string;
  line: DiffLine;
  at: number;
}

function settingsOf(lines: readonly DiffLine[], patterns: readonly RegExp[], hint: RegExp): Map<string, Setting[]> {
  const out = new Map<string, Setting[]>();
  for (const line of lines) {
    if (!hint.test(line.text)) continue;
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(line.text); match !== null; match = pattern.exec(line.text)) {
        const key = (match[1] ?? '').replace(/^coverage\.thresholds\./, '').replace(/^(?:cov-)?fail-under$/, 'fail_under');
        const value = match[2] ?? '';
        // A key without a value only counts as a block or a flag (`lines:` alone says nothing).
        if (value === '' && !PRESENCE_ONLY.has(key)) continue;
        const list = out.get(key) ?? [];
        list.push({ key, value, line, at: match.index });
        out.set(key, list);
      }
    }
  }
  return out;
}

function weaker(key: string, before: string, after: string): boolean {
  if (PRESENCE_ONLY.has(key) && (before === '{' || before === '')) return false;
  if (before === 'true' || before === 'false' || after === 'true' || after === 'false') {
    return TRUE_IS_WEAKER.has(key) ? before !== 'true' && after === 'true' : before === 'true' && after === 'false';
  }
  const a = Number(before);
  const b = Number(after);
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  return HIGHER_IS_WEAKER.has(key) ? b > a : b < a;
}

export const HINT = /lines|branches|functions|statements|fail.under|coverage|perFile|threshold/i;
export const CODECOV_HINT = /target|threshold|informational/;

/** The coverage thresholds a file's change lowers or removes. */
export function loweredThresholds(file: ChangedFile): LoweredThreshold[] {
  // Without removed lines only a codecov YAML file can weaken (`informational: true`).
  if (file.diff === null || (file.removed.length === 0 && !/\.ya?ml$/.test(file.path))) return [];
  const name = baseName(file.path);
  const codecov = CODECOV_FILE.test(name);
  // Only `informational: true` weakens without a removed line: every other finding pairs with one.
  if ((file.removed.length === 0 && !codecov) || isDocPath(file.path)) return [];
  const config = CONFIG_FILE.test(name);
  const commands = isScriptPath(file.path) || isCiConfigPath(file.path);
  if (!codecov && !config && !commands) return [];
  const patterns: RegExp[] = codecov ? [CODECOV_KEY] : config ? [CONFIG_KEY, CLI_KEY] : [CLI_KEY];
  const hint = codecov ? CODECOV_HINT : HINT;
  const removed = settingsOf(file.removed, patterns, hint);
  const added = settingsOf(file.added, patterns, hint);
  const out: LoweredThreshold[] = [];
  for (const [key, olds] of removed) {
    const news = added.get(key) ?? [];
    olds.forEach((old, i) => {
      const next = news[i];
      if (!next) out.push({ line: old.line, at: old.at, change: `removes ${key}` });
      else if (weaker(key, old.value, next.value)) out.push({ line: next.line, at: next.at, change: `${key} ${old.value} → ${next.value}` });
    });
  }
  for (const [key, news] of added) {
    if (!TRUE_IS_WEAKER.has(key) || removed.has(key)) continue;
    for (const next of news) if (next.value === 'true') out.push({ line: next.line, at: next.at, change: `${key}: true` });
  }
  return out;
}
