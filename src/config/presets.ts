import { readFileSync } from 'node:fs';
import { formatPolicyError, parsePolicy } from './parse.js';
import type { PolicyFile } from './schema.js';

export type PresetName = 'default' | 'strict' | 'observe';

/**
 * The presets in policies/, as text: users read exactly what the gate applies. Read from the
 * repository by `npm run schema` and the tests only; a run reads presets.generated.json.
 */
function presetText(name: PresetName): { fileName: string; text: string } {
  const fileName = `policies/${name}.yml`;
  return { fileName, text: readFileSync(new URL(`../../${fileName}`, import.meta.url), 'utf8') };
}

export const PRESET_TEXTS: Record<PresetName, { fileName: string; text: string }> = {
  default: presetText('default'),
  strict: presetText('strict'),
  observe: presetText('observe'),
};

/**
 * The presets parsed and checked, as `npm run schema` writes them to presets.generated.json
 * (through JSON, so they compare equal to that file). Throws on a preset with an error.
 */
export function parsePresets(): Record<PresetName, PolicyFile> {
  const parse = (name: PresetName): PolicyFile => {
    const preset = PRESET_TEXTS[name];
    const parsed = parsePolicy(preset.text, preset.fileName);
    if (!parsed.ok) throw new Error(parsed.errors.map(formatPolicyError).join('\n'));
    return JSON.parse(JSON.stringify(parsed.file)) as PolicyFile;
  };
  return { default: parse('default'), strict: parse('strict'), observe: parse('observe') };
}
