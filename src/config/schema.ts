import * as z from 'zod';
import { POLICY_CATEGORIES } from '../policy/category-list.js';
import type { CategoryDefinition } from '../policy/policy-category.js';
import { Glob, Pattern, PositiveInt } from './schema-parts.js';

/**
 * The policy file as users write it (docs/policy-reference.md). Every key is optional here: a file
 * is applied over the preset it extends. Objects are strict so an unknown key is an error (with a
 * suggestion, see parse.ts). The JSON Schema in policies/ is generated from this schema
 * (src/config/json-schema.ts); `permissions` comes from the category list.
 */

export { LEVELS, LevelSchema, type Level } from './schema-parts.js';

export const PRESETS = ['default', 'strict', 'observe', 'none'] as const;

/**
 * `permissions`: one optional key per category of the list (src/policy/category-list.ts), each
 * with the category's own schema fragment and description; nothing else.
 */
export function permissionsSchema<const L extends readonly CategoryDefinition[]>(categories: L) {
  const shape = Object.fromEntries(categories.map((category) => [category.id, category.schema.optional().describe(category.description)]));
  return z.strictObject(shape as PermissionsShape<L>);
}

type PermissionsShape<L extends readonly CategoryDefinition[]> = {
  [C in L[number] as C['id']]: z.ZodOptional<C['schema']>;
};

export const PermissionsSchema = permissionsSchema(POLICY_CATEGORIES);

export const AgentSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes')
      .describe('the agent id shown in outputs and reports; a built-in id overrides that definition'),
    name: z.string().optional().describe('display name'),
    enabled: z.boolean().optional().describe('false turns a built-in definition off'),
    authors: z.array(z.string().min(1)).optional().describe('PR author logins (`name[bot]` or `name`)'),
    'author-ids': z.array(z.number().int().positive()).optional().describe('PR author numeric user ids'),
    'commit-authors': z
      .array(z.string().min(1))
      .optional()
      .describe('commit author logins, emails or names that mean this agent wrote the commit'),
    branches: z.array(Glob).optional().describe('head branch globs, e.g. `release-bot/**`'),
    labels: z.array(z.string().min(1)).optional().describe('labels that mark a PR as this agent\'s'),
    body: z.array(Pattern).optional().describe('patterns in the PR body (a signature or a task link)'),
    trailers: z
      .array(Pattern)
      .optional()
      .describe('patterns matched against `Co-authored-by:` trailer values (`Name <email>`)'),
  })
  .strict();

const TierLabels = z.array(z.string().min(1).max(100)).min(1).max(50).describe('labels that put a PR in this tier, whatever its size');

const Tier = z
  .object({
    'max-files': PositiveInt.describe('files changed'),
    'max-lines': PositiveInt.describe('lines changed (additions + deletions)'),
    labels: TierLabels.optional(),
  })
  .strict();

export function policyFileSchema<const L extends readonly CategoryDefinition[]>(categories: L) {
  return z
  .object({
    $schema: z.string().optional().describe('the JSON Schema URL for editor completion; ignored by the gate'),
    extends: z.enum(PRESETS).optional().describe('the preset this file is applied over (default when absent)'),
    bots: z.array(z.string().min(1)).optional().describe('automation accounts GitHub shows as users: never humans'),
    agents: z
      .array(AgentSchema)
      .optional()
      .describe('extra or overriding agent definitions, merged with the built-in ones by `id` (see Built-in agents)'),
    permissions: permissionsSchema(categories).optional().describe('the level of each category of change'),
    network: z
      .object({
        'allowed-hosts': z
          .array(z.string().regex(/^(\*\.)?[A-Za-z0-9.-]+(:\d+)?$/, 'must be a host name, optionally starting with `*.`'))
          .optional()
          .describe('hosts agents may reference in added lines; `*.` matches any subdomain'),
      })
      .strict()
      .optional()
      .describe('what counts as network access'),
    reviews: z
      .object({
        'required-approvals': z
          .number()
          .int('must be a whole number')
          .min(0, 'must be at least 0')
          .max(10, 'must be at most 10')
          .optional()
          .describe('counted approvals every agent PR needs (a review-level finding needs at least one even when 0)'),
        'exclude-requester': z.boolean().optional().describe("the requester's approval (the human who asked the agent) does not count"),
        'approvals-after-last-push': z
          .boolean()
          .optional()
          .describe('only approvals of the head commit count: a new push makes earlier approvals stale'),
        codeowners: z
          .boolean()
          .optional()
          .describe("files in review-level categories need a code owner's approval (CODEOWNERS read from the base commit)"),
        'block-on-changes-requested': z.boolean().optional().describe('a human whose latest review requests changes blocks the PR'),
      })
      .strict()
      .optional()
      .describe('the human-review rules'),
    overrides: z
      .object({
        label: z.string().min(1).max(50).optional().describe('applied by an admin or maintainer, waives deny findings and missing approvals'),
      })
      .strict()
      .optional()
      .describe('the escape hatch for maintainers'),
    metrics: z
      .object({
        tiers: z
          .object({
            small: Tier.optional().describe('at most this many files and lines is `small`'),
            medium: Tier.optional().describe('at most this many files and lines is `medium`'),
          })
          // Any other name (or `large`) is a tier by label only; the union keeps the type sound.
          .catchall(z.union([z.object({ labels: TierLabels }).strict(), Tier]).describe('a tier of your own (or `large`), by label only'))
          .superRefine((tiers, ctx) => {
            for (const [name, tier] of Object.entries(tiers)) {
              if (name === 'small' || name === 'medium' || !tier || !('max-files' in tier)) continue;
              ctx.addIssue({ code: 'custom', path: [name], message: 'only `small` and `medium` have size limits; other tiers take `labels` only' });
            }
          })
          .optional()
          .describe('size tiers for the `tier` metric (a PR larger than `medium` is `large`), and labels that set the tier in reports'),
      })
      .strict()
      .optional()
      .describe('how metrics are computed'),
  })
  .strict();
}

export const PolicyFileSchema = policyFileSchema(POLICY_CATEGORIES);

export type PolicyFile = z.infer<typeof PolicyFileSchema>;
export type AgentFile = z.infer<typeof AgentSchema>;
