const UNITS: ReadonlyArray<readonly [string, number]> = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
];

/**
 * A duration for people: the two largest units, the second left out when it is zero ("45 s",
 * "12 min 5 s", "2 h 15 min", "3 d 4 h", "1 d"). `null` (nothing to measure) is a dash.
 */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const total = Math.max(0, Math.floor(seconds));
  const index = UNITS.findIndex(([, size]) => total >= size);
  const major = UNITS[index];
  if (!major) return '0 s';
  const parts = [`${Math.floor(total / major[1])} ${major[0]}`];
  const minor = UNITS[index + 1];
  if (minor) {
    const value = Math.floor((total % major[1]) / minor[1]);
    if (value > 0) parts.push(`${value} ${minor[0]}`);
  }
  return parts.join(' ');
}
