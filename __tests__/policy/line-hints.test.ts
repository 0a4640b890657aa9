import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOST_HINT, PIPE_HINT, PIPE_SHAPE } from '../../src/policy/categories/network.js';
import { findHosts } from '../../src/policy/hosts.js';
import { markLines, markOf, type LineHint } from '../../src/policy/line-hints.js';
import { findPipedDownload } from '../../src/policy/piped-download.js';
import { SUPPRESSION_HINT, SUPPRESSIONS, TEST_MARKERS } from '../../src/policy/test-markers.js';
import { BARE_RETURN, COMMENT_LEAD, OPENS_STRING, SILENCING_HINT } from '../../src/policy/tests-weakened/assertions.js';
import { expectLinear } from './linear-time.js';

/**
 * The line hints (src/policy/line-hints.ts) are prefilters: each reader looks only at the lines
 * its hint admits, so a hint must admit every line its reader would flag. Checked on lines made
 * of the pieces each reader looks for, in mixed case, with the characters that fold into ASCII.
 */

const PIECES = [
  'https://', 'HTTP:', 'Wss:', 'ftp:/', 'git@', 'GIT@gitlab.com:org/repo', '"//', "'//", '(//', '`//', '=//', 'evil.io', 'example.com/x', ':80',
  'curl -fsSL ', 'WGET -qO- ', 'iwr ', 'Invoke-WebRequest ', 'irm ', 'iex', 'DownloadString(', '| ', '|sh', 'sh', 'bash ', '$(', '<(', 'sudo ', 'python3 ',
  'it', '.skip', '.only(', 'describe', 'xit', 'fit(', 'test.concurrent', '.todo', '.fails', 'this.skip()', '@pytest.mark.', 'skipif', 'xfail', 'pytest.skip(',
  '@unittest.', 'expectedFailure', 'SkipTest', 'collect_ignore', 't.Skip(', '//go:build ignore', '#[ignore]', '@Disabled', '@Ignore', '[Ignore]', 'Skip = "',
  'pending', 'focus: true', ':focus', '->markTestSkipped(', 'XCTSkip(', 'DISABLED_', 'GTEST_SKIP(', 'TEST_F(', 'do',
  'eslint-disable', '@ts-ignore', '@ts-expect-error', '# noqa', '# type: ignore', 'pylint: disable', '#![allow(', '@SuppressWarnings', 'NOLINT',
  'pragma: no cover', 'istanbul ignore', 'biome-ignore', '#pragma warning disable',
  '//', '/*', '*/', '#', '*', '--', '<!--', '"""', "'''", 'return', ';',
  ' ', '  ', '\t', 'x', 'A', '.', '(', ')', '=', '"', "'", ',', ':', '/', 'İ', '\u212a', 'ſ', 'é',
];

const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((parts) => parts.join(''));
const holds = (text: string, hint: LineHint): boolean => (markOf(text) & hint.bit) !== 0;

function admitsAll(name: string, hint: LineHint | undefined, flags: (text: string) => boolean): void {
  fc.assert(
    fc.property(line, (text) => !flags(text) || (hint !== undefined && holds(text, hint))),
    { numRuns: 3000 },
  );
  expect(name).toBeTruthy();
}

describe('line hints', () => {
  it('admit every line a host is read from', () => {
    admitsAll('hosts', HOST_HINT, (text) => findHosts(text).length > 0);
  });

  it('admit every piped download: by the tools in scripts, by a pipe or substitution elsewhere', () => {
    admitsAll('download tools', PIPE_HINT, (text) => findPipedDownload(text, true) !== null);
    admitsAll('pipes', PIPE_SHAPE, (text) => findPipedDownload(text, false) !== null);
  });

  it('admit every lint or type-check suppression', () => {
    admitsAll('suppressions', SUPPRESSION_HINT, (text) => SUPPRESSIONS.some(({ pattern }) => pattern.test(text)));
  });

  it('admit every test marker, in any file and in test files', () => {
    for (const [language, markers] of Object.entries(TEST_MARKERS)) {
      const anyFile = (text: string): boolean => markers.anyFile !== undefined && new RegExp(markers.anyFile.source, markers.anyFile.flags.replace('g', '')).test(text);
      const testOnly = (text: string): boolean => markers.testFileOnly !== undefined && new RegExp(markers.testFileOnly.source, markers.testFileOnly.flags.replace('g', '')).test(text);
      if (markers.hint) admitsAll(`${language} markers`, markers.hint, anyFile);
      admitsAll(`${language} test markers`, markers.testHint ?? markers.hint, (text) => anyFile(text) || testOnly(text));
    }
  });

  it('admit every comment lead and every line that may turn assertions off', () => {
    admitsAll('comments', SILENCING_HINT, (text) => COMMENT_LEAD.test(text) || OPENS_STRING.test(text) || BARE_RETURN.test(text) || text.includes('/*'));
  });

  it('mark each added line of a patch as the line alone, remembered or not', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(line, fc.constantFrom('+', ' ', '-')), { maxLength: 12 }), fc.boolean(), (rows, crlf) => {
        const texts: string[] = [];
        const starts: number[] = [];
        const ends: number[] = [];
        let patch = '@@ -1 +1 @@\n';
        for (const [text, kind] of rows) {
          if (kind === '+') {
            starts.push(patch.length + 1);
            ends.push(patch.length + 1 + text.length);
            texts.push(text);
          }
          patch += `${kind}${text}${crlf ? '\r' : ''}\n`;
        }
        const alone = texts.map((text) => markOf(text));
        expect(markLines(patch, starts, ends).marks).toEqual(alone);
        const memo = new Map<string, number>();
        const twice = [markLines(patch, starts, ends, memo), markLines(patch, starts, ends, memo)];
        for (const marked of twice) {
          expect(marked.marks).toEqual(alone);
          expect(marked.union).toBe(alone.reduce((union, mark) => union | mark, 0));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('mark in linear time', () => {
    for (const shape of ['https:', 'git@', '"//', '|$(', 'it.skip', '# noqa', '*/', 'api-key', 's.' + 'a'.repeat(23), 'xoxb-']) {
      expectLinear(`markOf on ${shape}`, (n) => shape.repeat(n), (text) => markOf(text), 4000);
    }
  });
});
