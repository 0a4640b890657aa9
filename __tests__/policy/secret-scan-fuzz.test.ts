import { describe, expect, it } from 'vitest';
import { listGeneratedRules, REJECTED_RULES, type ListedRule } from '../../src/policy/secrets/generated-rules.js';
import { fragmentLiteral } from '../../src/policy/secrets/prefilter.js';

/**
 * Every generated rule runs in linear time (docs/secrets.md): each is timed on adversarial inputs
 * of n and 8n characters, and the time may grow by at most ~12× (8× expected). The inputs repeat
 * the rule's keyword and the characters its classes take, with no terminator, the shapes that
 * make a backtracking engine go quadratic. Both ways the scanner runs a rule are timed: the whole
 * scan (`test`, RE2JS's lazy DFA, first) and the `find` loop with capture groups alone, per
 * `find` call: a call reads up to the line's end (a rule with `.*`, RE2JS clearing its state), so
 * the scanner makes at most MAX_MATCHES_PER_LINE + 1 of them a line, each timed to be linear. For the latter RE2JS uses a bounded
 * backtracker on inputs shorter than 262144 / (program size) characters and its NFA above, two
 * linear engines with different constants, so n is chosen to keep both sizes on one of them.
 */

const N = 400;
const BACKTRACK_BITS = 262_144;
const BACKTRACK_PROGRAM = 500;
const RATIO = 12;
/** Below this a timing is noise: a rule this fast at 8n passes. */
const FLOOR_MS = 0.5;

/** The printable ASCII characters a rule's source names: literals and class ranges. */
function classChars(source: string): string {
  const chars = new Set<string>();
  for (const [, from, to] of source.matchAll(/([A-Za-z0-9])-([A-Za-z0-9])/g)) {
    for (let code = (from ?? 'a').charCodeAt(0); code <= (to ?? 'a').charCodeAt(0); code += 1) chars.add(String.fromCharCode(code));
  }
  for (const char of source.replace(/\\[a-zA-Z]/g, '')) if (/[\x21-\x7e]/.test(char) && !'()[]{}|^$?*+\\'.includes(char)) chars.add(char);
  return [...chars].join('');
}

function inputs(rule: ListedRule, size: number): string[] {
  const keyword = rule.keywords[0] ?? fragmentLiteral(rule.fragments[0] ?? 'x');
  const chars = classChars(rule.source);
  const fill = (unit: string) => unit.repeat(Math.ceil(size / Math.max(unit.length, 1))).slice(0, size);
  return [
    keyword + fill('a'),
    keyword + fill('0'),
    fill(chars),
    fill(`${keyword}${chars.slice(0, 7)}`),
    fill(`${keyword.toUpperCase()} = "`),
  ];
}

/** The best of three timings of running `run` on every input (milliseconds). */
function timeRule(texts: string[], run: (text: string) => unknown): number {
  let best = Infinity;
  for (let round = 0; round < 3; round += 1) {
    const started = performance.now();
    for (const text of texts) run(text);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** n for the `find` loop: both n and 8n on the same RE2JS engine (see above). */
function findSize(rule: ListedRule): number {
  const program = rule.regex.programSize();
  if (program > BACKTRACK_PROGRAM) return N;
  return Math.max(16, Math.min(N, Math.floor(BACKTRACK_BITS / program / 8) - 1));
}

/**
 * How much slower `run` is at 8n than at n (0 when it is too fast to tell). `perCall`: `run`
 * returns how many steps it took (matches found), and the time of one step is compared.
 */
function growth(size: number, rule: ListedRule, run: (text: string) => unknown, perCall = false): number {
  const small = inputs(rule, size);
  const large = inputs(rule, 8 * size);
  const steps = (texts: string[]) => (perCall ? Math.max(1, texts.reduce((sum, text) => sum + Number(run(text)) + 1, 0)) : 1);
  const smallSteps = steps(small);
  const largeSteps = steps(large);
  timeRule(small, run); // warm up: compile, JIT, DFA states
  let ratio = Infinity;
  // Up to three tries: a shared machine can stall one timing.
  for (let attempt = 0; attempt < 3 && ratio > RATIO; attempt += 1) {
    const big = timeRule(large, run);
    ratio = big < FLOOR_MS ? 0 : big / largeSteps / (Math.max(timeRule(small, run), FLOOR_MS / 8) / smallSteps);
  }
  return ratio;
}

describe('generated secret rules', () => {
  const rules = listGeneratedRules();

  it('keeps most of the source rule set and says why the rest is left out', () => {
    expect(rules.length).toBeGreaterThanOrEqual(200);
    for (const rejected of REJECTED_RULES) expect(rejected.reason.length).toBeGreaterThan(10);
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
  });

  it('gives every rule a keyword or a fragment that starts with a literal', () => {
    for (const rule of rules) {
      expect(rule.keywords.length + rule.fragments.length, rule.id).toBeGreaterThan(0);
      for (const keyword of rule.keywords) expect(keyword, rule.id).toBe(keyword.toLowerCase());
      for (const fragment of rule.fragments) expect(fragmentLiteral(fragment).length, rule.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('matches every rule in linear time (n and 8n differ by at most ~12×)', () => {
    const slow: string[] = [];
    // Warm RE2JS's own engines (its backtracker, NFA and DFA code) before timing anything.
    for (const rule of rules.slice(0, 12)) growth(findSize(rule), rule, (text) => rule.matches(text), true);
    for (const rule of rules) {
      let tested = Infinity;
      let found = Infinity;
      // A rule that looks slow is measured again, up to five times: on a shared machine one
      // stall can make any single measure look superlinear, a real one stays so.
      for (let round = 0; round < 5 && (tested > RATIO || found > RATIO); round += 1) {
        if (tested > RATIO) tested = growth(N, rule, (text) => rule.scan(text));
        if (found > RATIO) found = growth(findSize(rule), rule, (text) => rule.matches(text), true);
      }
      if (tested > RATIO || found > RATIO) slow.push(`${rule.id}: test ×${tested.toFixed(1)}, find ×${found.toFixed(1)}`);
    }
    expect(slow).toEqual([]);
  }, 60_000);

  it('would notice a quadratic matcher (the measure can fail)', () => {
    const rule = rules[0] as ListedRule;
    const quadratic = (text: string) => {
      let pairs = 0;
      for (let i = 0; i < text.length; i += 1) for (let j = i; j < text.length; j += 1) if (text.charCodeAt(i) === text.charCodeAt(j)) pairs += 1;
      return pairs;
    };
    expect(growth(N / 2, rule, quadratic)).toBeGreaterThan(RATIO);
  });
});
