import * as z from 'zod';

/**
 * The building blocks of the policy file's schema, shared by src/config/schema.ts and the
 * categories' own schema fragments (src/policy/categories/*.ts). Nothing here imports the
 * category list, so a category file can use them while the list is being built.
 */

export const LEVELS = ['allow', 'review', 'deny'] as const;
export const LevelSchema = z.enum(LEVELS).describe('allow: automatic; review: needs a qualified human approval; deny: never from an agent');
export type Level = z.infer<typeof LevelSchema>;

export const Glob = z.string().min(1, 'must not be empty').describe('a glob (picomatch syntax, `**` crosses folders)');
export const Pattern = z
  .string()
  .min(1, 'must not be empty')
  .describe('a regular expression (RE2 syntax: linear time, no backreferences or lookaround)');
const Reviewer = z
  .string()
  .regex(/^@?[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\[bot\])?(?:\/[A-Za-z0-9._-]+)?$/, 'must be a login (`alice`) or a team (`@org/team`)')
  .describe('a user login (`alice`) or a team (`@org/team`)');

export const Reviewers = z.array(Reviewer).optional().describe('who can satisfy a review-level finding (users and @org/teams)');

export const PositiveInt = z.number().int('must be a whole number').min(1, 'must be at least 1');

const CategoryObject = z
  .object({
    level: LevelSchema,
    paths: z.array(Glob).optional().describe('extra globs that belong to this category'),
    'added-lines': z.array(Pattern).optional().describe('extra patterns on added lines that belong to this category'),
    reviewers: Reviewers,
  })
  .strict();

/** The usual `permissions.<category>`: a bare level, or an object with the level and extensions. */
export const CategorySchema = z.union([LevelSchema, CategoryObject]);
