// Writes policies/agent-pr-gate.schema.json from the zod schema of the policy file, for editor
// completion (`# yaml-language-server: $schema=…`). CI regenerates it and fails when it differs.
import { writeFileSync } from 'node:fs';
import * as z from 'zod';
import { PolicyFileSchema } from '../src/config/schema.js';

const schema = z.toJSONSchema(PolicyFileSchema, { target: 'draft-7', io: 'input' });
const document = {
  ...schema,
  title: 'Agent PR Gate policy (.github/agent-pr-gate.yml)',
  description: 'Permission policy, review rules and metrics settings for pull requests opened by AI coding agents.',
};
writeFileSync('policies/agent-pr-gate.schema.json', `${JSON.stringify(document, null, 2)}\n`);
