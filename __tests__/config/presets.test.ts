import { describe, expect, it } from 'vitest';
import { presetPolicy } from '../../src/config/load-policy.js';
import { parsePolicy } from '../../src/config/parse.js';
import { applyPolicyFile, emptyPolicy, type Policy } from '../../src/config/policy.js';
import PRESET_FILES from '../../src/config/presets.generated.json' with { type: 'json' };
import { parsePresets, PRESET_TEXTS, type PresetName } from '../../src/config/presets.js';

const NAMES = Object.keys(PRESET_TEXTS) as PresetName[];

/** A preset resolved the slow way: its YAML parsed now, over the preset it extends. */
function fromYaml(name: PresetName): Policy {
  const parsed = parsePolicy(PRESET_TEXTS[name].text, PRESET_TEXTS[name].fileName);
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  const extended = parsed.file.extends;
  const base = extended && extended !== 'none' && extended !== name ? fromYaml(extended as PresetName) : emptyPolicy();
  return { ...applyPolicyFile(base, parsed.file), preset: name };
}

describe('presets.generated.json', () => {
  it('is policies/*.yml parsed: run `npm run schema` after editing a preset', () => {
    expect(PRESET_FILES).toEqual(parsePresets());
  });

  it.each(NAMES)('gives the %s preset exactly as parsing its YAML does', (name) => {
    expect(presetPolicy(name)).toStrictEqual(fromYaml(name));
  });

  it('hands out copies: changing one does not change the preset', () => {
    const policy = presetPolicy('default');
    policy.bots.push('mallory');
    policy.reviews.requiredApprovals = 9;
    expect(presetPolicy('default')).toStrictEqual(fromYaml('default'));
  });

  it('refuses an unknown preset', () => {
    expect(() => presetPolicy('toString')).toThrow('unknown or circular preset toString');
    expect(() => presetPolicy('lenient')).toThrow('unknown or circular preset lenient');
  });
});
