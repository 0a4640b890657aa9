import { trimEndWhere } from './text.js';
import type { Language } from './file-kinds.js';

/**
 * Markers that skip or focus tests (a focused test skips all the others), per language, and lint
 * and type-check suppressions. `anyFile` markers are unambiguous wherever they appear;
 * `testFileOnly` ones (`xit`, `fit`, RSpec's bare `skip`) are ordinary words elsewhere.
 * All patterns are linear: no nested or unbounded overlapping repetition.
 */

interface MarkerSet {
  /** A cheap global pattern every `anyFile` match also matches, run over the whole file first. */
  hint?: RegExp;
  /** The same for test files: every `anyFile` or `testFileOnly` match also matches it. */
  testHint?: RegExp;
  anyFile?: RegExp;
  testFileOnly?: RegExp;
}

export const TEST_MARKERS: Partial<Record<Language, MarkerSet>> = {
  js: {
    hint: /\.(?:skip|only|todo|runIf|fail)/g,
    testHint: /\.(?:skip|only|todo|runIf|fail)|\b[xf](?:it|describe|test|context|specify)\b/g,
    // `test.concurrent.skip`, `it.skip.each`, `describe.sequential.only`; vitest's `fails` and
    // jest's `failing` turn a failing test into a passing one; `runIf` skips like `skipIf`.
    anyFile:
      /(?<![\w$.])(?:it|describe|test|context|suite|specify|bench)(?:\.(?:concurrent|sequential|shuffle|serial|parallel)){0,2}\.(?:skip|only|todo|skipIf|runIf|fails|failing)\b|(?<![\w$.])this\.skip\(\)/g,
    testFileOnly: /(?<![\w$.])(?:xit|xdescribe|xtest|xcontext|xspecify|fit|fdescribe|ftest|fcontext)\s{0,5}\(/g,
  },
  python: {
    hint: /skip|Skip|xfail|expectedFailure|collect_ignore/g,
    testHint: /skip|Skip|xfail|expectedFailure|collect_ignore/g,
    anyFile:
      // `@pytest.mark.skip` and the module-level `pytestmark = pytest.mark.skip` (or a list of
      // marks); `collect_ignore` in a conftest.py leaves whole files uncollected.
      /@?\bpytest\.mark\.(?:skip|skipif|xfail)\b|\bpytest\.(?:skip|xfail|importorskip)\s{0,5}\(|@unittest\.(?:skip|skipIf|skipUnless|expectedFailure)\b|\.skipTest\s{0,5}\(|\braise\s{1,5}(?:unittest\.)?SkipTest\b|\bcollect_ignore(?:_glob)?\s{0,5}(?:\+?=|\.(?:append|extend)\()/g,
    testFileOnly: /^\s{0,40}@(?:skip|skipIf|skipUnless|expectedFailure)\b/g,
  },
  go: {
    hint: /Skip/g,
    testHint: /Skip|ignore/g,
    anyFile: /\b[A-Za-z_]\w{0,30}\.(?:Skip|SkipNow|Skipf)\s{0,5}\(/g,
    // A build constraint that no build satisfies leaves the whole test file out.
    testFileOnly: /^\/\/\s{0,3}(?:go:build|\+build)\s{1,5}ignore\b/g,
  },
  rust: { hint: /#\[ignore/g, anyFile: /#\[ignore\b/g },
  jvm: { hint: /@(?:Disabled|Ignore)/g, anyFile: /@(?:Disabled|Ignore|DisabledIf\w{0,40}|DisabledOn\w{0,40})\b/g },
  dotnet: { testHint: /Ignore|Skip/g, testFileOnly: /\[\s{0,5}Ignore\b|\bSkip\s{0,5}=\s{0,5}"/g },
  ruby: {
    testHint: /\b(?:[xf](?:it|describe|context|specify|example|scenario)|skip|pending|focus)\b/g,
    testFileOnly:
      /^\s{0,40}(?:xit|xdescribe|xcontext|xspecify|xexample|xscenario|fit|fdescribe|fcontext|fspecify|fexample|skip|pending)(?=\s{0,5}$|\s{0,5}["'(]|\s{1,5}do\b)|\bfocus:\s{0,5}true\b|,\s{0,5}:focus\b/g,
  },
  php: { hint: /markTest/g, anyFile: /->markTest(?:Skipped|Incomplete)\s{0,5}\(/g },
  swift: { hint: /XCTSkip/g, anyFile: /\bthrow\s{1,5}XCTSkip\b|\bXCTSkip(?:If|Unless)\s{0,5}\(/g },
  c: { hint: /DISABLED_|GTEST_SKIP/g, anyFile: /\bTEST(?:_F|_P)?\s{0,5}\(\s{0,5}\w{1,100}\s{0,5},\s{0,5}DISABLED_|\bGTEST_SKIP\s{0,5}\(/g },
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

/** Every suppression below contains one of these words: a cheap pass before the exact patterns. */
export const SUPPRESSION_PREFILTER = /disable|ignore|noqa|NOQA|@ts-|nolint|NOLINT|\[allow\(|@Suppress|@psalm-suppress|no\s{0,5}cover/g;

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
