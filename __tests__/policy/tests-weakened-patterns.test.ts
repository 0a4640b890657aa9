import { describe, it } from 'vitest';
import { ASSERTION, ASSERTION_CALL, TEST_MARKERS } from '../../src/policy/test-markers.js';
import { BARE_RETURN, COMMENT_LEAD, OPENS_STRING } from '../../src/policy/tests-weakened/assertions.js';
import { CLI_KEY, CODECOV_KEY, CODECOV_HINT, CONFIG_KEY, HINT } from '../../src/policy/tests-weakened/coverage-thresholds.js';
import { CONTINUE_ON_ERROR, FAILS_ANYWAY, NEUTRALISER, NO_OP_SCRIPT, STEP_KEYS, TEST_RUNNER, TEST_SCRIPT, TEST_WORDS } from '../../src/policy/tests-weakened/test-commands.js';
import { expectLinear } from './linear-time.js';

/**
 * Every pattern the tests-weakened checks run over added and removed lines, timed on long lines
 * made of what each almost matches (docs/categories.md): a backtracking blow-up shows as a ratio
 * far above 8 between n and 8n.
 */

const PATTERNS: Record<string, RegExp> = {
  ASSERTION,
  ASSERTION_CALL,
  BARE_RETURN,
  COMMENT_LEAD,
  OPENS_STRING,
  CLI_KEY,
  CODECOV_KEY,
  CODECOV_HINT,
  CONFIG_KEY,
  HINT,
  CONTINUE_ON_ERROR,
  FAILS_ANYWAY,
  NEUTRALISER,
  NO_OP_SCRIPT,
  STEP_KEYS,
  TEST_RUNNER,
  TEST_SCRIPT,
  TEST_WORDS,
  'js markers': TEST_MARKERS.js?.anyFile ?? /x/,
  'js test-file markers': TEST_MARKERS.js?.testFileOnly ?? /x/,
  'python markers': TEST_MARKERS.python?.anyFile ?? /x/,
  'go markers': TEST_MARKERS.go?.anyFile ?? /x/,
  'go test-file markers': TEST_MARKERS.go?.testFileOnly ?? /x/,
};

/** Pieces that start or almost complete a match, repeated into one long line. */
const SEEDS = [
  ' ',
  '\t',
  'a',
  'expect ',
  'assert_',
  'assertEquals  ',
  '// ',
  '#',
  'return ',
  '"""',
  '--cov-fail-under= ',
  '--lines ',
  '"lines": ',
  'lines: 1.',
  'threshold: ',
  'continue-on-error: ',
  '- ',
  '|| ',
  '; exit ',
  ' -k ',
  'npm run ',
  'go test',
  '"test:',
  'test.concurrent.',
  'pytest.mark.',
  'collect_ignore ',
  't.Skip ',
  '//go:build ',
];

function runAll(pattern: RegExp): (input: string) => number {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  return (input) => {
    let count = 0;
    global.lastIndex = 0;
    for (let match = global.exec(input); match !== null; match = global.exec(input)) {
      count += 1;
      if (match[0] === '') global.lastIndex += 1;
    }
    return count;
  };
}

describe('tests-weakened patterns run in linear time', () => {
  for (const [name, pattern] of Object.entries(PATTERNS)) {
    it(name, () => {
      const run = runAll(pattern);
      for (const seed of SEEDS) expectLinear(`${name} on ${JSON.stringify(seed)}`, (n) => seed.repeat(Math.ceil(n / seed.length)), run, 2000);
    });
  }
});
