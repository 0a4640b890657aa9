import type { Language } from './file-kinds.js';
import { lineHint, type LineHint } from './line-hints.js';
import { trimEndWhere } from './text.js';

/**
 * Markers that skip or focus tests (a focused test skips all the others), per language, and lint
 * and type-check suppressions. `anyFile` markers are unambiguous wherever they appear;
 * `testFileOnly` ones (`xit`, `fit`, RSpec's bare `skip`) are ordinary words elsewhere.
 * All patterns are linear: no nested or unbounded overlapping repetition.
 */

interface MarkerSet {
  /** Words every `anyFile` match holds: only the lines with one are read (docs/architecture.md, "Line hints"). */
  hint?: LineHint;
  /** The same for test files: every `anyFile` or `testFileOnly` match holds one. */
  testHint?: LineHint;
  anyFile?: RegExp;
  testFileOnly?: RegExp;
}

/** `xit` and `fit` for `it`: the skipped and focused forms of test-block names. */
const focusedOrSkipped = (names: readonly string[]): string[] => names.flatMap((name) => [`x${name}`, `f${name}`]);
const JS_WORDS = ['.skip', '.only', '.todo', '.runif', '.fail'];
const PYTHON_HINT = lineHint('python markers', ['skip', 'xfail', 'expectedfailure', 'collect_ignore']);

export const TEST_MARKERS: Partial<Record<Language, MarkerSet>> = {
  js: {
    hint: lineHint('js markers', JS_WORDS),
    testHint: lineHint('js test markers', [...JS_WORDS, ...focusedOrSkipped(['it', 'describe', 'test', 'context', 'specify'])]),
    // `test.concurrent.skip`, `it.skip.each`, `describe.sequential.only`; vitest's `fails` and
    // jest's `failing` turn a failing test into a passing one; `runIf` skips like `skipIf`.
    anyFile:
      /(?<![\w$.])(?:it|describe|test|context|suite|specify|bench)(?:\.(?:concurrent|sequential|shuffle|serial|parallel)){0,2}\.(?:skip|only|todo|skipIf|runIf|fails|failing)\b|(?<![\w$.])this\.skip\(\)/g,
    testFileOnly: /(?<![\w$.])(?:xit|xdescribe|xtest|xcontext|xspecify|fit|fdescribe|ftest|fcontext)\s{0,5}\(/g,
  },
  python: {
    hint: PYTHON_HINT,
    testHint: PYTHON_HINT,
    anyFile:
      // `@pytest.mark.skip` and the module-level `pytestmark = pytest.mark.skip` (or a list of
      // marks); `collect_ignore` in a conftest.py leaves whole files uncollected.
      /@?\bpytest\.mark\.(?:skip|skipif|xfail)\b|\bpytest\.(?:skip|xfail|importorskip)\s{0,5}\(|@unittest\.(?:skip|skipIf|skipUnless|expectedFailure)\b|\.skipTest\s{0,5}\(|\braise\s{1,5}(?:unittest\.)?SkipTest\b|\bcollect_ignore(?:_glob)?\s{0,5}(?:\+?=|\.(?:append|extend)\()/g,
    testFileOnly: /^\s{0,40}@(?:skip|skipIf|skipUnless|expectedFailure)\b/g,
  },
  go: {
    hint: lineHint('go markers', ['skip']),
    testHint: lineHint('go test markers', ['skip', 'ignore']),
    anyFile: /\b[A-Za-z_]\w{0,30}\.(?:Skip|SkipNow|Skipf)\s{0,5}\(/g,
    // A build constraint that no build satisfies leaves the whole test file out.
    testFileOnly: /^\/\/\s{0,3}(?:go:build|\+build)\s{1,5}ignore\b/g,
  },
  rust: { hint: lineHint('rust markers', ['#[ignore']), anyFile: /#\[ignore\b/g },
  jvm: { hint: lineHint('jvm markers', ['@disabled', '@ignore']), anyFile: /@(?:Disabled|Ignore|DisabledIf\w{0,40}|DisabledOn\w{0,40})\b/g },
  dotnet: { testHint: lineHint('dotnet test markers', ['ignore', 'skip']), testFileOnly: /\[\s{0,5}Ignore\b|\bSkip\s{0,5}=\s{0,5}"/g },
  ruby: {
    testHint: lineHint('ruby test markers', [...focusedOrSkipped(['it', 'describe', 'context', 'specify', 'example', 'scenario']), 'skip', 'pending', 'focus']),
    testFileOnly:
      /^\s{0,40}(?:xit|xdescribe|xcontext|xspecify|xexample|xscenario|fit|fdescribe|fcontext|fspecify|fexample|skip|pending)(?=\s{0,5}$|\s{0,5}["'(]|\s{1,5}do\b)|\bfocus:\s{0,5}true\b|,\s{0,5}:focus\b/g,
  },
  php: { hint: lineHint('php markers', ['marktest']), anyFile: /->markTest(?:Skipped|Incomplete)\s{0,5}\(/g },
  swift: { hint: lineHint('swift markers', ['xctskip']), anyFile: /\bthrow\s{1,5}XCTSkip\b|\bXCTSkip(?:If|Unless)\s{0,5}\(/g },
  c: { hint: lineHint('c markers', ['disabled_', 'gtest_skip']), anyFile: /\bTEST(?:_F|_P)?\s{0,5}\(\s{0,5}\w{1,100}\s{0,5},\s{0,5}DISABLED_|\bGTEST_SKIP\s{0,5}\(/g },
};

/** The marker as shown in a message: `it.skip`, `@pytest.mark.skip`, `t.Skip`, `xit`. */
export function markerName(match: string): string {
  const name = trimEndWhere(match.trim(), `("'=`).replace(/^\./, '').replace(/\s+/g, ' ');
  return name.startsWith('#[') && !name.endsWith(']') ? `${name}]` : name;
}

export interface Suppression {
  name: string;
  pattern: RegExp;
}

/** Every suppression below holds one of these words (`cover` for `no cover`): its line hint. */
export const SUPPRESSION_HINT = lineHint('suppressions', ['disable', 'ignore', 'noqa', '@ts-', 'nolint', '[allow(', '@suppress', '@psalm-suppress', 'cover']);

export const SUPPRESSIONS: readonly Suppression[] = [
  { name: 'eslint-disable', pattern: /eslint-disable/ },
  { name: '@ts-ignore', pattern: /@ts-ignore\b/ },
  { name: '@ts-expect-error', pattern: /@ts-expect-error\b/ },
  { name: '@ts-nocheck', pattern: /@ts-nocheck\b/ },
  { name: '# noqa', pattern: /#\s{0,5}noqa\b/i },
  { name: '# type: ignore', pattern: /#\s{0,5}type:\s{0,5}ignore\b/ },
  { name: '# mypy: ignore-errors', pattern: /#\s{0,5}mypy:\s{0,5}ignore-errors\b/ },
  { name: '//nolint', pattern: /\/\/\s{0,5}nolint\b/ },
  { name: '# pylint: disable', pattern: /pylint:\s{0,5}disable\b/ },
  { name: '#[allow(…)]', pattern: /#!?\[allow\(/ },
  { name: '@SuppressWarnings', pattern: /@SuppressWarnings\b/ },
  { name: '@SuppressLint', pattern: /@SuppressLint\b/ },
  { name: 'rubocop:disable', pattern: /rubocop:disable\b/ },
  { name: 'biome-ignore', pattern: /biome-ignore\b/ },
  { name: 'oxlint-disable', pattern: /oxlint-disable/ },
  { name: 'deno-lint-ignore', pattern: /deno-lint-ignore/ },
  { name: 'coverage ignore', pattern: /\b(?:istanbul|c8|v8)\s{1,5}ignore\b|pragma:\s{0,5}no\s{0,5}cover\b/ },
  { name: '@phpstan-ignore', pattern: /@phpstan-ignore/ },
  { name: '@psalm-suppress', pattern: /@psalm-suppress\b/ },
  { name: 'swiftlint:disable', pattern: /swiftlint:disable\b/ },
  { name: 'NOLINT', pattern: /\bNOLINT(?:NEXTLINE)?\b/ },
  { name: '#pragma warning disable', pattern: /#pragma\s{1,5}warning\s{1,5}disable\b/ },
];

/**
 * Lines that assert something, for counting removed assertions in a test file: `expect(`,
 * `assertEquals(`, `assert.equal(`, `should.`, `require.NoError(`, `t.Errorf(`, `XCTAssertEqual(`,
 * Rust's `assert_eq!(`, Python's `assert x == y`.
 */
export const ASSERTION = /\b(?:expect|assert\w{0,30}!?|should|require\.\w{1,30}|t\.(?:Error|Fatal|Fail)\w{0,10}|XCTAssert\w{0,30})\s{0,5}[(.]|^\s{0,40}assert\b/;
/**
 * A comment's text that is an assertion call: it starts with one, after an optional receiver and
 * `await` (`expect(`, `self.assertEqual(`, `assert.equal(`, `require.NoError(`, `t.Errorf(`,
 * `assert_eq!(`). Prose that mentions `expect(` later in a sentence is not one.
 */
export const ASSERTION_CALL =
  /^(?:await\s{1,5})?[\w$.]{0,60}?\b(?:expect|assert\w{0,30}!?|XCTAssert\w{0,30})\s{0,5}\(|^(?:await\s{1,5})?(?:assert|require)\.\w{1,30}\s{0,5}\(|^t\.(?:Error|Fatal|Fail)\w{0,10}\s{0,5}\(/;
