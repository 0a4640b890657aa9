// Writes what is generated from the policy schema and the presets; CI regenerates both and fails
// when they differ from what is committed:
// - policies/agent-pr-gate.schema.json, the JSON Schema of the policy file, for editor completion
//   (`# yaml-language-server: $schema=…`);
// - src/config/presets.generated.json, the presets in policies/*.yml already parsed and checked,
//   so a run does not parse YAML it ships (load-policy.ts).
import { writeFileSync } from 'node:fs';
import * as z from 'zod';

const { PolicyFileSchema } = await import('../src/config/schema.js');
const { parsePresets } = await import('../src/config/presets.js');

const schema = z.toJSONSchema(PolicyFileSchema, { target: 'draft-7', io: 'input' });
const document = {
  ...schema,
  title: 'Agent PR Gate policy (.github/agent-pr-gate.yml)',
  description: 'Permission policy, review rules and metrics settings for pull requests opened by AI coding agents.',
};
writeFileSync('policies/agent-pr-gate.schema.json', `${JSON.stringify(document, null, 2)}\n`);
writeFileSync('src/config/presets.generated.json', `${JSON.stringify(parsePresets(), null, 2)}\n`);
