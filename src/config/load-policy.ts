import { applyPolicyFile, emptyPolicy, type Policy } from './policy.js';
import { parsePolicy, type PolicyError } from './parse.js';
import PRESET_FILES from './presets.generated.json' with { type: 'json' };
import type { PresetName } from './presets.js';
import type { PolicyFile } from './schema.js';

export { formatPolicyError, type PolicyError } from './parse.js';

export type LoadResult = { ok: true; policy: Policy } | { ok: false; errors: PolicyError[] };

/**
 * The policy in force: the file (text from the base commit) applied over its preset. An absent
 * (`null`) or empty file means the `default` preset; a file without `extends` is applied over
 * `default`; `extends: none` starts from the empty policy.
 */
export function loadPolicy(text: string | null, fileName: string): LoadResult {
  if (text === null || text.trim() === '' || isOnlyComments(text)) {
    return { ok: true, policy: presetPolicy('default') };
  }
  const parsed = parsePolicy(text, fileName);
  if (!parsed.ok) return parsed;
  const preset = parsed.file.extends ?? 'default';
  const base = presetPolicy(preset);
  const policy = applyPolicyFile(base, parsed.file);
  policy.preset = preset;
  return { ok: true, policy };
}

const cache = new Map<string, Policy>();

/**
 * The presets of policies/*.yml, parsed and checked when `npm run schema` wrote the file (a test
 * fails when it is stale): a run does not parse YAML it ships, ~7 ms of a cold start.
 */
const PRESETS = PRESET_FILES as unknown as Record<PresetName, PolicyFile>;

/** A preset as a resolved policy. Presets may extend another preset (`strict` extends `default`). */
export function presetPolicy(name: string, seen: string[] = []): Policy {
  if (name === 'none') return emptyPolicy();
  const cached = cache.get(name);
  if (cached) return structuredClone(cached);
  const file = Object.hasOwn(PRESETS, name) ? PRESETS[name as PresetName] : undefined;
  if (!file || seen.includes(name)) throw new Error(`unknown or circular preset ${name}`);
  const base = file.extends && file.extends !== name ? presetPolicy(file.extends, [...seen, name]) : emptyPolicy();
  const policy = applyPolicyFile(base, file);
  policy.preset = name;
  cache.set(name, policy);
  return structuredClone(policy);
}

function isOnlyComments(text: string): boolean {
  return text.split('\n').every((line) => line.trim() === '' || line.trim().startsWith('#') || line.trim() === '---');
}
