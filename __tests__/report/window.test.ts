import { describe, expect, it } from 'vitest';
import { parseReportWindow, ReportWindowError } from '../../src/report/window.js';

const NOW = new Date('2026-03-15T12:30:00Z');

function iso(input: string): { from: string; to: string } {
  const window = parseReportWindow(input, NOW);
  return { from: window.from.toISOString(), to: window.to.toISOString() };
}

describe('parseReportWindow', () => {
  it('reads hours, days and weeks back from now', () => {
    expect(iso('36h')).toEqual({ from: '2026-03-14T00:30:00.000Z', to: '2026-03-15T12:30:00.000Z' });
    expect(iso('14d')).toEqual({ from: '2026-03-01T12:30:00.000Z', to: '2026-03-15T12:30:00.000Z' });
    expect(iso('2w')).toEqual({ from: '2026-03-01T12:30:00.000Z', to: '2026-03-15T12:30:00.000Z' });
  });

  it('accepts surrounding spaces and upper-case units', () => {
    expect(iso(' 7D ')).toEqual({ from: '2026-03-08T12:30:00.000Z', to: '2026-03-15T12:30:00.000Z' });
  });

  it('has no upper bound: a window reaching before 1970 starts at the epoch', () => {
    expect(iso('520w').from).toBe('2016-03-27T12:30:00.000Z');
    expect(iso('100000d')).toEqual({ from: '1970-01-01T00:00:00.000Z', to: '2026-03-15T12:30:00.000Z' });
    expect(iso('99999999999999999999999w').from).toBe('1970-01-01T00:00:00.000Z');
  });

  it('reads a date range with an inclusive end date (end of that day, UTC)', () => {
    expect(iso('2026-01-01..2026-01-15')).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2026-01-15T23:59:59.999Z' });
    expect(iso('2026-01-01..2026-01-01')).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2026-01-01T23:59:59.999Z' });
  });

  it('reads full ISO datetimes, with Z, an offset, or no zone (UTC)', () => {
    expect(iso('2026-01-01T08:00:00Z..2026-01-02T20:15:30.250Z')).toEqual({
      from: '2026-01-01T08:00:00.000Z',
      to: '2026-01-02T20:15:30.250Z',
    });
    expect(iso('2026-01-01T08:00+02:00..2026-01-01T10:00:00-0130')).toEqual({
      from: '2026-01-01T06:00:00.000Z',
      to: '2026-01-01T11:30:00.000Z',
    });
    expect(iso('2026-01-01T08:00:00..2026-01-15')).toEqual({ from: '2026-01-01T08:00:00.000Z', to: '2026-01-15T23:59:59.999Z' });
  });

  it('accepts a leap day and rejects impossible dates', () => {
    expect(iso('2024-02-29..2024-03-01').from).toBe('2024-02-29T00:00:00.000Z');
    expect(() => parseReportWindow('2026-02-29..2026-03-01', NOW)).toThrow('report-window "2026-02-29..2026-03-01" has an impossible date (2026-02-29)');
    expect(() => parseReportWindow('2026-13-01..2026-13-02', NOW)).toThrow('has an impossible date (2026-13-01)');
    expect(() => parseReportWindow('2026-01-01T24:00:00Z..2026-01-02', NOW)).toThrow('has an impossible time (2026-01-01T24:00:00Z)');
  });

  it.each([
    ['', 'report-window "" is empty: use Nh, Nd or Nw (e.g. 14d) or an ISO range such as 2026-01-01..2026-01-15'],
    ['14', 'report-window "14" has no unit: use Nh, Nd or Nw (e.g. 14d) or an ISO range such as 2026-01-01..2026-01-15'],
    ['0d', 'report-window "0d" is an empty window: use Nh'],
    ['14m', 'report-window "14m" is not a duration or a range: use Nh'],
    ['-3d', 'report-window "-3d" is not a duration or a range'],
    ['1.5d', 'report-window "1.5d" is not a duration or a range'],
    ['two weeks', 'report-window "two weeks" is not a duration or a range'],
    ['2026-01-15..2026-01-01', 'report-window "2026-01-15..2026-01-01" ends before it starts'],
    ['2026-01-01..', 'report-window "2026-01-01.." needs both ends of the range'],
    ['2026-01-01..2026-01-02..2026-01-03', 'is not a duration or a range'],
    ['2026/01/01..2026/01/15', 'has a value that is neither a date nor an ISO datetime (2026/01/01)'],
    ['2026-01-01..yesterday', 'has a value that is neither a date nor an ISO datetime (yesterday)'],
  ])('rejects %j with a one-line message', (input, message) => {
    let thrown: unknown;
    try {
      parseReportWindow(input, NOW);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ReportWindowError);
    const text = (thrown as Error).message;
    expect(text).toContain(message);
    expect(text).not.toContain('\n');
  });

  it('does not alias now: the returned end is a new Date', () => {
    const window = parseReportWindow('1h', NOW);
    expect(window.to).not.toBe(NOW);
    expect(window.to.getTime()).toBe(NOW.getTime());
  });
});
