import { describe, expect, it } from 'vitest';
import { cohortOf, CompareError, parseCompare } from '../../src/report/cohorts.js';
import { readComparison } from '../../src/report/compare-report.js';
import { medianDifference, rateDifference, wilson } from '../../src/report/stats.js';
import { summarizeRow } from '../../src/report/rows.js';

const NOW = new Date('2026-03-01T00:00:00Z');
const WINDOW = { from: new Date('2026-02-01T00:00:00Z'), to: new Date('2026-02-14T23:59:59.999Z') };

describe('intervals', () => {
  it('gives the Wilson interval of published examples, and none for 0 of 0', () => {
    // Newcombe (1998), table I: 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605.
    expect(wilson(81, 263)).toEqual([0.2553, 0.3662]);
    expect(wilson(15, 148)).toEqual([0.0624, 0.1605]);
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(5, 5)![1]).toBe(1);
  });

  it('gives Newcombe’s score interval for a difference of proportions', () => {
    // Newcombe (1998), table II example: 56/70 vs 48/80 → difference 0.2 (method 10: 0.0524–0.3339).
    const d = rateDifference({ successes: 48, n: 80 }, { successes: 56, n: 70 })!;
    expect(d.value).toBe(0.2);
    expect(d.interval).toEqual([0.0524, 0.3339]);
  });

  it('bootstraps a difference of medians reproducibly, whatever the order of the values', () => {
    const a = Array.from({ length: 40 }, (_, i) => 1000 + ((i * 37) % 400));
    const b = a.map((v) => v + 300);
    const first = medianDifference(a, b, 'copilot')!;
    expect(medianDifference([...a].reverse(), [...b].reverse(), 'copilot')).toEqual(first);
    expect(first.value).toBe(300);
    expect(first.interval[0]).toBeLessThanOrEqual(300);
    expect(first.interval[1]).toBeGreaterThanOrEqual(300);
    expect(first.interval[0]).toBeGreaterThan(0);
    expect(medianDifference([], b, 'x')).toBeNull();
  });
});

describe('the plain reading', () => {
  const row = summarizeRow([]);
  const withN = (merged: number, closed: number) => ({ ...row, merged, closedUnmerged: closed });
  it('names the side that merged more often only when the interval excludes 0', () => {
    const clear = readComparison(['a', 'b'], {
      a: withN(20, 28),
      b: withN(30, 21),
      difference: { successRate: { value: 0.12, interval: [0.03, 0.21] }, medianInterventions: 0, medianEndToEnd: { value: 100, interval: [-50, 300] } },
    });
    expect(clear).toBe('b merged more often: +12 points, 95% interval +3…+21, n = 48 vs 51');
    const noise = readComparison(['a', 'b'], {
      a: withN(20, 28),
      b: withN(22, 29),
      difference: { successRate: { value: 0.02, interval: [-0.17, 0.21] }, medianInterventions: 0, medianEndToEnd: { value: -7200, interval: [-9000, -3600] } },
    });
    expect(noise).toBe('no clear difference in success: +2 points for b, 95% interval −17…+21, n = 48 vs 51; b finished faster (median end-to-end 2 h shorter)');
  });
});

describe('report-compare', () => {
  it('parses the four forms and rejects the rest with one line', () => {
    expect(parseCompare('', NOW)).toBeNull();
    expect(parseCompare('label:model/', NOW)).toMatchObject({ kind: 'label', prefix: 'model/' });
    expect(parseCompare('split:2026-02-05', NOW)).toMatchObject({ kind: 'split', at: new Date('2026-02-05T00:00:00Z') });
    expect(parseCompare('2026-01-01..2026-01-14', NOW)).toMatchObject({ kind: 'window' });
    expect(() => parseCompare('pattern:^Model: \\S+', NOW)).toThrow(CompareError);
    expect(() => parseCompare('pattern:(a)(b)', NOW)).toThrow('needs exactly one capture group, it has 2');
    expect(() => parseCompare('pattern:(', NOW)).toThrow('does not compile');
    expect(() => parseCompare('label:', NOW)).toThrow('needs a label prefix');
    expect(() => parseCompare('sometime', NOW)).toThrow(CompareError);
  });

  it('puts each PR on its side', () => {
    const pr = { createdAt: '2026-02-06T10:00:00Z', labels: ['bug', 'Model/GPT-5'], body: 'Fix.\n\nModel: sonnet-4', commitMessages: ['x\n\nModel: other'] };
    expect(cohortOf(parseCompare('label:model/', NOW)!, WINDOW, pr)).toBe('GPT-5');
    expect(cohortOf(parseCompare('pattern:^Model: (\\S+)', NOW)!, WINDOW, pr)).toBe('sonnet-4');
    expect(cohortOf(parseCompare('pattern:^Model: (\\S+)', NOW)!, WINDOW, { ...pr, body: 'no trailer' })).toBe('other');
    expect(cohortOf(parseCompare('split:2026-02-05', NOW)!, WINDOW, pr)).toBe('from 2026-02-05');
    expect(cohortOf(parseCompare('split:2026-02-07', NOW)!, WINDOW, pr)).toBe('before 2026-02-07');
    const second = parseCompare('2026-01-01..2026-01-14', NOW)!;
    expect(cohortOf(second, WINDOW, pr)).toBe('2026-02-01..2026-02-14');
    expect(cohortOf(second, WINDOW, { ...pr, createdAt: '2026-01-03T00:00:00Z' })).toBe('2026-01-01..2026-01-14');
    expect(cohortOf(second, WINDOW, { ...pr, createdAt: '2026-01-20T00:00:00Z' })).toBeNull();
  });
});

describe('a second window', () => {
  it('reads the span of both windows and names the earlier one a', async () => {
    const { fixedSides, readSpan } = await import('../../src/report/cohorts.js');
    const spec = parseCompare('2026-01-01..2026-01-14', NOW)!;
    expect(readSpan(WINDOW, spec)).toEqual({ from: new Date('2026-01-01T00:00:00Z'), to: WINDOW.to });
    expect(fixedSides(spec, WINDOW)).toEqual(['2026-01-01..2026-01-14', '2026-02-01..2026-02-14']);
    expect(readSpan(WINDOW, parseCompare('label:x/', NOW))).toBe(WINDOW);
    expect(fixedSides(parseCompare('label:x/', NOW)!, WINDOW)).toBeNull();
  });
});
