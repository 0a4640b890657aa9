import defaultText from '../../policies/default.yml?raw';
import observeText from '../../policies/observe.yml?raw';
import strictText from '../../policies/strict.yml?raw';

/** The presets in policies/, bundled as text so users read exactly what the gate applies. */
export const PRESET_TEXTS: Record<'default' | 'strict' | 'observe', { fileName: string; text: string }> = {
  default: { fileName: 'policies/default.yml', text: defaultText },
  strict: { fileName: 'policies/strict.yml', text: strictText },
  observe: { fileName: 'policies/observe.yml', text: observeText },
};
