// Writes what is generated from the policy schema and the presets; CI regenerates both and fails
// when they differ from what is committed:
// - policies/agent-pr-gate.schema.json, the JSON Schema of the policy file, for editor completion
//   (`# yaml-language-server: $schema=…`);
// - src/config/presets.generated.json, the presets in policies/*.yml already parsed and checked,
//   so a run does not parse YAML it ships (load-policy.ts).
import { writeFileSync } from 'node:fs';
import { policyJsonSchema } from '../src/config/json-schema.js';
import { parsePresets } from '../src/config/presets.js';

writeFileSync('policies/agent-pr-gate.schema.json', `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
writeFileSync('src/config/presets.generated.json', `${JSON.stringify(parsePresets(), null, 2)}\n`);
