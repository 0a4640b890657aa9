/**
 * The `report-window` input (docs/report-mode.md): a duration back from now (`36h`, `14d`, `2w`, no upper
 * bound) or an ISO range (`2026-01-01..2026-01-15`, dates or full datetimes). A date-only end
 * means the end of that day (UTC), so both ends are inclusive. Pure: `now` is passed in.
 */

export interface ReportWindow {
  from: Date;
  to: Date;
}

export class ReportWindowError extends Error {
  override name = 'ReportWindowError';
}

const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const DURATION = /^(\d+)\s*([hdw])$/i;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A full ISO 8601 datetime; the zone may be omitted (then UTC). */
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const HELP = 'use Nh, Nd or Nw (e.g. 14d) or an ISO range such as 2026-01-01..2026-01-15';

function fail(input: string, reason: string): never {
  throw new ReportWindowError(`report-window "${input}" ${reason}: ${HELP}`);
}

/** Days in a month of the proleptic Gregorian calendar (month 1..12). */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkDate(input: string, text: string, year: number, month: number, day: number): void {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) fail(input, `has an impossible date (${text})`);
}

/** One end of an ISO range; `end` turns a date-only value into the last millisecond of that day. */
function parseEnd(input: string, text: string, end: boolean): Date {
  const date = DATE_ONLY.exec(text);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    checkDate(input, text, year, month, day);
    const start = Date.UTC(year, month - 1, day);
    return new Date(end ? start + UNIT_MS.d! - 1 : start);
  }
  const time = DATETIME.exec(text);
  if (!time) fail(input, `has a value that is neither a date nor an ISO datetime (${text})`);
  const [year, month, day, hour, minute] = [Number(time[1]), Number(time[2]), Number(time[3]), Number(time[4]), Number(time[5])];
  const second = Number(time[6] ?? '0');
  checkDate(input, text, year, month, day);
  if (hour > 23 || minute > 59 || second > 59) fail(input, `has an impossible time (${text})`);
  const fraction = Number(`0.${time[7] ?? '0'}`);
  const zone = (time[8] ?? 'Z').toUpperCase();
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const [zoneHours, zoneMinutes] = [Number(digits.slice(0, 2)), Number(digits.slice(2))];
    if (zoneHours > 23 || zoneMinutes > 59) fail(input, `has an impossible time zone (${text})`);
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second) + Math.floor(fraction * 1000);
  return new Date(local - offsetMinutes * 60_000);
}

/**
 * Parses `report-window` relative to `now`. A duration reaching before 1970 starts at the Unix
 * epoch (GitHub has no older PRs), so any N is accepted. Throws `ReportWindowError` with a
 * one-line message on bad input.
 */
export function parseReportWindow(input: string, now: Date): ReportWindow {
  const text = input.trim();
  if (text === '') fail(input, 'is empty');
  const duration = DURATION.exec(text);
  if (duration) {
    const count = Number(duration[1]);
    if (count === 0) fail(input, 'is an empty window');
    const span = count * UNIT_MS[duration[2]!.toLowerCase()]!;
    const from = Math.max(0, now.getTime() - span);
    return { from: new Date(from), to: new Date(now.getTime()) };
  }
  const parts = text.split('..');
  if (parts.length === 2) {
    const [start, end] = [parts[0]!.trim(), parts[1]!.trim()];
    if (start === '' || end === '') fail(input, 'needs both ends of the range');
    const from = parseEnd(input, start, false);
    const to = parseEnd(input, end, true);
    if (from.getTime() > to.getTime()) fail(input, 'ends before it starts');
    return { from, to };
  }
  if (/^\d+$/.test(text)) fail(input, 'has no unit');
  fail(input, 'is not a duration or a range');
}
