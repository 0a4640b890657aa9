import type { Interval } from './report-types.js';

/**
 * Inline SVG bar charts with interval whiskers for the HTML page (docs/report-mode.md,
 * "Pictures"): horizontal bars of rates (0–100%), one group per agent, a thin line with end ticks
 * for each 95% interval. No scripts, no fonts, no network. Pure.
 */

export interface Bar {
  label: string;
  value: number | null;
  interval: Interval | null;
  /** Index into the palette (a tier, or a side). */
  series: number;
}

export interface BarGroup {
  label: string;
  bars: Bar[];
}

export const PALETTE = ['#2f6fb5', '#e08a1e', '#3a9a5b', '#b0413e', '#7a5ab8', '#6b7a8f'];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML or SVG content and double-quoted attributes; newlines kept (for `<pre>`). */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

const BAR = 16;
const GAP = 6;
const GROUP_GAP = 14;
const LEFT = 170;
const PLOT = 560;
const TOP = 34;

export function barChart(title: string, groups: readonly BarGroup[], legend: readonly string[]): string {
  const height = TOP + groups.reduce((sum, group) => sum + group.bars.length * (BAR + GAP) + GROUP_GAP, 0) + 30;
  const width = LEFT + PLOT + 70;
  const x = (fraction: number): number => LEFT + Math.max(0, Math.min(1, fraction)) * PLOT;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${esc(title)}</title>`,
    `<text x="0" y="16" font-size="14" font-weight="600">${esc(title)}</text>`,
  ];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(
      `<line x1="${x(tick)}" y1="${TOP - 6}" x2="${x(tick)}" y2="${height - 24}" stroke="#ddd"/>`,
      `<text x="${x(tick)}" y="${height - 10}" text-anchor="middle" fill="#555">${tick * 100}%</text>`,
    );
  }
  let y = TOP;
  for (const group of groups) {
    parts.push(`<text x="0" y="${y + BAR - 3}" font-weight="600">${esc(group.label.slice(0, 24))}</text>`);
    for (const bar of group.bars) {
      const color = PALETTE[bar.series % PALETTE.length]!;
      parts.push(`<text x="${LEFT - 8}" y="${y + BAR - 4}" text-anchor="end" fill="#444">${esc(bar.label.slice(0, 20))}</text>`);
      if (bar.value === null) {
        parts.push(`<text x="${LEFT + 4}" y="${y + BAR - 4}" fill="#888">no finished PRs</text>`);
      } else {
        parts.push(`<rect x="${LEFT}" y="${y}" width="${(x(bar.value) - LEFT).toFixed(1)}" height="${BAR}" fill="${color}" opacity="0.85"/>`);
        if (bar.interval) {
          const [lo, hi] = [x(bar.interval[0]).toFixed(1), x(bar.interval[1]).toFixed(1)];
          const mid = y + BAR / 2;
          parts.push(
            `<line class="whisker" x1="${lo}" y1="${mid}" x2="${hi}" y2="${mid}" stroke="#111" stroke-width="1.5"/>`,
            `<line x1="${lo}" y1="${mid - 5}" x2="${lo}" y2="${mid + 5}" stroke="#111" stroke-width="1.5"/>`,
            `<line x1="${hi}" y1="${mid - 5}" x2="${hi}" y2="${mid + 5}" stroke="#111" stroke-width="1.5"/>`,
          );
        }
        parts.push(`<text x="${LEFT + PLOT + 8}" y="${y + BAR - 4}" fill="#222">${Math.round(bar.value * 1000) / 10}%</text>`);
      }
      y += BAR + GAP;
    }
    y += GROUP_GAP;
  }
  legend.forEach((name, index) => {
    const lx = LEFT + index * 110;
    parts.push(
      `<rect x="${lx}" y="22" width="10" height="10" fill="${PALETTE[index % PALETTE.length]!}"/>`,
      `<text x="${lx + 14}" y="31" fill="#333">${esc(name.slice(0, 14))}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
