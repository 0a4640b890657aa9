import { parsePolicy } from '../config/parse.js';

/**
 * The labels that set a PR's tier in reports (`metrics.tiers.<name>.labels`, docs/report-mode.md,
 * "Tiers"), lower-cased label → tier name, in the policy file's order (the first mapped label of a
 * PR wins). Empty for no file, or a file that does not parse (the policy load reports that).
 */
export type TierLabels = ReadonlyMap<string, string>;

export function tierLabelsOf(text: string | null, fileName: string): TierLabels {
  const out = new Map<string, string>();
  if (text === null || text.trim() === '') return out;
  const parsed = parsePolicy(text, fileName);
  if (!parsed.ok) return out;
  for (const [name, tier] of Object.entries(parsed.file.metrics?.tiers ?? {})) {
    for (const label of tier?.labels ?? []) if (!out.has(label.toLowerCase())) out.set(label.toLowerCase(), name);
  }
  return out;
}

/** The tier a label gives, by the PR's label order; null when none is mapped. */
export function tierFromLabels(labels: readonly string[], map: TierLabels): string | null {
  for (const label of labels) {
    const tier = map.get(label.toLowerCase());
    if (tier !== undefined) return tier;
  }
  return null;
}
