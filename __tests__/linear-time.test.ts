import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_PATTERN_SOURCES } from '../src/patterns.js';
import { inlineFieldPattern, INLINE_FIELD_NAMES } from '../src/policy/dependencies/toml-lines.js';
import { GENERATED_FRAGMENTS } from '../src/policy/secrets/generated-rules.js';
import { checkLinearTime, collectSourcePatterns, describeResult, type LinearTimeResult, type PatternSpec } from './linear-time.js';

/**
 * Every regex in src/ runs in linear time (docs/security.md: a crafted diff cannot stall the job).
 * The regexes are found by parsing the sources, so a new one is checked without anyone listing it;
 * `new RegExp(…)` is covered when its source is a constant the file spells out (literals,
 * templates of constants, `String.raw`, `.source`). The built-in agent patterns, compiled at run
 * time, are added from their list. See ./linear-time.ts for how inputs are built and timed.
 */

const ROOT = resolve(import.meta.dirname, '..');
const { patterns: fromSource, unresolved } = collectSourcePatterns(ROOT);
const builtins: PatternSpec[] = [...BUILTIN_PATTERN_SOURCES].map((source) => ({ name: `built-in agent pattern`, source, flags: 'iu' }));

/**
 * The `new RegExp(…)` sites whose source is data, not a constant in the file, each with the list
 * of every source it can compile: those are checked here too. A new unresolved site fails the
 * first test until it is added.
 */
const DATA_SOURCES: Record<string, PatternSpec[]> = {
  'src/patterns.ts': builtins,
  'src/policy/dependencies/toml-lines.ts': INLINE_FIELD_NAMES.map((name) => ({ name: `inline field ${name}`, source: inlineFieldPattern(name).source, flags: '' })),
  'src/policy/secrets/generated-rules.ts': GENERATED_FRAGMENTS.map((source) => ({ name: 'secret rule fragment', source, flags: '' })),
  'src/policy/secrets/prefilter.ts': GENERATED_FRAGMENTS.map((source) => ({ name: 'secret rule fragment (prefilter)', source, flags: 'iy' })),
  // foldedTwin compiles only alternations of plain lower-case words (`foldable`), such as the
  // network category's download-tool prefilter, the one caller today.
  'src/policy/policy-context.ts': [{ name: 'folded literal prefilter', source: 'curl|wget|iwr|irm|invoke-|downloadstring', flags: 'giu' }],
};
const patterns = [...fromSource, ...Object.values(DATA_SOURCES).flat()];

let results: LinearTimeResult[] = [];
beforeAll(async () => {
  results = await checkLinearTime(patterns);
}, 120_000);

describe('linear time, every regex in src/', () => {
  it('finds the regexes: literals and constant RegExp sources; every other source is listed data', () => {
    expect(fromSource.length).toBeGreaterThan(200);
    for (const list of Object.values(DATA_SOURCES)) expect(list.length).toBeGreaterThan(0);
    // A source built from data cannot be resolved statically: its file must list what it compiles.
    const unlisted = unresolved.filter((site) => !Object.keys(DATA_SOURCES).some((file) => site.startsWith(`${file}:`)));
    expect(unlisted, unlisted.join('\n')).toEqual([]);
  });

  patterns.forEach((pattern, index) => {
    it(`${pattern.name}: /${pattern.source.length > 80 ? `${pattern.source.slice(0, 80)}…` : pattern.source}/`, () => {
      const result = results[index];
      expect(result, 'not measured').toBeDefined();
      if (result) expect(result.linear, describeResult(result)).toBe(true);
    });
  });
});

describe('checkLinearTime itself', () => {
  it('fails a quadratic and an exponential pattern and passes linear ones', async () => {
    const checked = await checkLinearTime(
      [
        { name: 'unanchored run before a literal', source: 'a+b', flags: '' },
        { name: 'trailing run', source: String.raw`\s+$`, flags: '' },
        { name: 'nested repeat', source: '(a+)+b', flags: '' },
        { name: 'anchored run', source: '^a+b', flags: '' },
        { name: 'run after a lookbehind', source: String.raw`(?<!\s)\s+$`, flags: '' },
        { name: 'literal alternation', source: 'curl|wget|token', flags: 'gi' },
      ],
      { watchdogMs: 1500 },
    );
    expect(checked.map((result) => [result.pattern.name, result.linear])).toEqual([
      ['unanchored run before a literal', false],
      ['trailing run', false],
      ['nested repeat', false],
      ['anchored run', true],
      ['run after a lookbehind', true],
      ['literal alternation', true],
    ]);
  });
});
