/**
 * Our REST response schemas against GitHub's OpenAPI description, as @octokit/types types each
 * route: what GitHub documents for the routes we call must be accepted by the schema we parse it
 * with (a field we require that GitHub may leave out, or a null we refuse, is a type error here —
 * `npm run typecheck` is where this test really runs). The runtime half parses a documented-shape
 * object built from the same types.
 */
import type { Endpoints } from '@octokit/types';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { RestFilesSchema, RestIssueCommentSchema } from '../../src/github/schemas.js';
import type { RestPermissionSchema, RestReviewCommentsSchema, RestTeamMembersSchema } from '../../src/github/schemas.js';

/** `true` when every value of type `From` is one `To` accepts; `false` fails the assignment below. */
type Accepts<To, From> = [From] extends [To] ? true : false;
/**
 * GitHub's ids are int64, and @octokit/types lets them be `bigint` (octokit's parser makes one past
 * 2^53). Ids are ~10^10 today; our schemas take numbers, so the comparison reads them as numbers.
 */
type WithoutBigint<T> = T extends bigint ? never : T extends readonly (infer Item)[] ? WithoutBigint<Item>[] : T extends object ? { [K in keyof T]: WithoutBigint<T[K]> } : T;
type Answer<Route extends keyof Endpoints> = WithoutBigint<Endpoints[Route]['response']['data']>;

const files: Accepts<z.input<typeof RestFilesSchema>, Answer<'GET /repos/{owner}/{repo}/pulls/{pull_number}/files'>> = true;
const reviewComments: Accepts<z.input<typeof RestReviewCommentsSchema>, Answer<'GET /repos/{owner}/{repo}/pulls/{pull_number}/comments'>> = true;
const createdComment: Accepts<z.input<typeof RestIssueCommentSchema>, Answer<'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'>> = true;
const updatedComment: Accepts<z.input<typeof RestIssueCommentSchema>, Answer<'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'>> = true;
const listedComments: Accepts<z.input<typeof RestIssueCommentSchema>, Answer<'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'>[number]> = true;
const permission: Accepts<z.input<typeof RestPermissionSchema>, Answer<'GET /repos/{owner}/{repo}/collaborators/{username}/permission'>> = true;
const teamMembers: Accepts<z.input<typeof RestTeamMembersSchema>, Answer<'GET /orgs/{org}/teams/{team_slug}/members'>> = true;

describe('REST response schemas', () => {
  it('accept every answer GitHub documents for the routes they parse (checked by tsc)', () => {
    expect([files, reviewComments, createdComment, updatedComment, listedComments, permission, teamMembers]).toEqual(Array(7).fill(true));
  });

  it('accept the documented minimum: optional fields absent, nullable ones null', () => {
    const file: Answer<'GET /repos/{owner}/{repo}/pulls/{pull_number}/files'>[number] = {
      sha: null,
      filename: 'src/a.ts',
      status: 'renamed',
      additions: 0,
      deletions: 0,
      changes: 0,
      blob_url: 'https://github.com/acme/widgets/blob/x/src/a.ts',
      raw_url: 'https://github.com/acme/widgets/raw/x/src/a.ts',
      contents_url: 'https://api.github.com/repos/acme/widgets/contents/src/a.ts',
    };
    expect(RestFilesSchema.safeParse([file]).success).toBe(true);
    const comment = { id: 1, node_id: 'x', url: 'u', html_url: 'https://github.com/acme/widgets/pull/1#issuecomment-1', user: null, created_at: 't', updated_at: 't', issue_url: 'u', author_association: 'NONE' };
    expect(RestIssueCommentSchema.safeParse(comment).success).toBe(true);
  });
});
