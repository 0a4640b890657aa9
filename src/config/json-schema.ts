import * as z from 'zod';
import { POLICY_CATEGORIES } from '../policy/category-list.js';
import type { CategoryDefinition } from '../policy/policy-category.js';
import { policyFileSchema } from './schema.js';

/**
 * The JSON Schema of the policy file (policies/agent-pr-gate.schema.json, written by `npm run
 * schema`), for editor completion: generated from the zod schema, so from the category list too.
 */
export function policyJsonSchema(categories: readonly CategoryDefinition[] = POLICY_CATEGORIES): Record<string, unknown> {
  const schema = z.toJSONSchema(policyFileSchema(categories), { target: 'draft-7', io: 'input' });
  return {
    ...schema,
    title: 'Agent PR Gate policy (.github/agent-pr-gate.yml)',
    description: 'Permission policy, review rules and metrics settings for pull requests opened by AI coding agents.',
  };
}
