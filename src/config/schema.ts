import { z } from 'zod';

/**
 * The policy file as users write it (SPEC §4). Every key is optional here: a file is applied over
 * the preset it extends. Objects are strict so an unknown key is an error (with a suggestion,
 * see parse.ts). The JSON Schema in policies/ is generated from this schema.
 */

export const LEVELS = ['allow', 'review', 'deny'] as const;
export const LevelSchema = z.enum(LEVELS).describe('allow: automatic; review: needs a qualified human approval; deny: never from an agent');
export type Level = z.infer<typeof LevelSchema>;

export const PRESETS = ['default', 'strict', 'observe', 'none'] as const;

const Glob = z.string().min(1, 'must not be empty').describe('a glob (picomatch syntax, `**` crosses folders)');
const Pattern = z
  .string()
  .min(1, 'must not be empty')
  .describe('a regular expression (RE2 syntax: linear time, no backreferences or lookaround)');
const Reviewer = z
  .string()
  .regex(/^@?[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\[bot\])?(?:\/[A-Za-z0-9._-]+)?$/, 'must be a login (`alice`) or a team (`@org/team`)')
  .describe('a user login (`alice`) or a team (`@org/team`)');

const CategoryObject = z
  .object({
    level: LevelSchema,
    paths: z.array(Glob).optional().describe('extra globs that belong to this category'),
    'added-lines': z.array(Pattern).optional().describe('extra patterns on added lines that belong to this category'),
    reviewers: z.array(Reviewer).optional().describe('who can satisfy a review-level finding (users and @org/teams)'),
  })
  .strict();

/** A category is a bare level or an object with the level and extensions. */
const Category = z.union([LevelSchema, CategoryObject]);

const SensitivePaths = z
  .object({
    level: LevelSchema.optional(),
    paths: z.array(Glob).optional(),
    'added-lines': z.array(Pattern).optional(),
    reviewers: z.array(Reviewer).optional(),
  })
  .strict();

const PositiveInt = z.number().int('must be a whole number').min(1, 'must be at least 1');

const Size = z
  .object({
    level: LevelSchema.optional(),
    'max-files': PositiveInt.optional().describe('more changed files than this is a finding'),
    'max-lines': PositiveInt.optional().describe('more changed lines (additions + deletions) than this is a finding'),
    reviewers: z.array(Reviewer).optional(),
  })
  .strict();

const CustomRule = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes')
      .describe('shown in the comment and the report'),
    level: LevelSchema,
    paths: z.array(Glob).optional(),
    'added-lines': z.array(Pattern).optional(),
    reviewers: z.array(Reviewer).optional(),
  })
  .strict();

export const PermissionsSchema = z
  .object({
    dependencies: Category.optional(),
    network: Category.optional(),
    workflows: Category.optional(),
    secrets: Category.optional(),
    'tests-weakened': Category.optional(),
    'gate-config': Category.optional().describe('this file, CODEOWNERS and the gate workflow; never below review'),
    'sensitive-paths': SensitivePaths.optional(),
    size: Size.optional(),
    custom: z.array(CustomRule).optional(),
  })
  .strict();

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

const Tier = z
  .object({
    'max-files': PositiveInt,
    'max-lines': PositiveInt,
  })
  .strict();

export const PolicyFileSchema = z
  .object({
    $schema: z.string().optional(),
    extends: z.enum(PRESETS).optional().describe('the preset this file is applied over (default when absent)'),
    bots: z.array(z.string().min(1)).optional().describe('automation accounts GitHub shows as users: never humans'),
    agents: z.array(AgentSchema).optional(),
    permissions: PermissionsSchema.optional(),
    network: z
      .object({
        'allowed-hosts': z
          .array(z.string().regex(/^(\*\.)?[A-Za-z0-9.-]+(:\d+)?$/, 'must be a host name, optionally starting with `*.`'))
          .optional(),
      })
      .strict()
      .optional(),
    reviews: z
      .object({
        'required-approvals': z.number().int('must be a whole number').min(0, 'must be at least 0').max(10, 'must be at most 10').optional(),
        'exclude-requester': z.boolean().optional(),
        'approvals-after-last-push': z.boolean().optional(),
        codeowners: z.boolean().optional(),
        'block-on-changes-requested': z.boolean().optional(),
      })
      .strict()
      .optional(),
    overrides: z
      .object({
        label: z.string().min(1).max(50).optional().describe('applied by an admin or maintainer, waives deny findings and missing approvals'),
      })
      .strict()
      .optional(),
    metrics: z
      .object({
        tiers: z
          .object({ small: Tier.optional(), medium: Tier.optional() })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type PolicyFile = z.infer<typeof PolicyFileSchema>;
export type AgentFile = z.infer<typeof AgentSchema>;
