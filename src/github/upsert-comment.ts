import { COMMENT_MARKER, MAX_COMMENT_LENGTH } from '../render/render-comment.js';
import type { Actor, IssueComment } from '../snapshot.js';
import type { GitHubClient } from './client.js';
import { describeError, isReadOnlyError, statusOf } from './errors.js';
import { findStickyComment } from './find-sticky-comment.js';
import { parseResponse, RestIssueCommentSchema } from './schemas.js';

/**
 * Writes the sticky comment: edits ours in place, or creates it. Never a second one: creation is
 * not retried blindly (a 502 may hide a comment that was created); after a failed create we look
 * for ours among the comments written since the run started, and create only if it is not there.
 */

// GitHub's comment body limit, defined with the renderer; re-exported for this module's callers.
export { MAX_COMMENT_LENGTH };

const CLOCK_SKEW_MS = 5 * 60_000;

export type WriteOutcome<T> = { ok: true; value: T } | { ok: false; readOnly: boolean; message: string };

export interface CommentWritten {
  id: number;
  url: string;
  action: 'created' | 'updated' | 'unchanged';
}

export interface CommentTarget {
  owner: string;
  repo: string;
  number: number;
}

/** The body as GitHub will accept it: at most MAX_COMMENT_LENGTH characters, marker included. */
export function fitCommentBody(body: string): string {
  let text = body.includes(COMMENT_MARKER) ? body : `${COMMENT_MARKER}\n${body}`;
  if (text.length <= MAX_COMMENT_LENGTH) return text;
  const note = '\n\n… (cut to fit GitHub’s comment size limit; the job summary has the full text)';
  text = text.slice(0, MAX_COMMENT_LENGTH - note.length - COMMENT_MARKER.length - 1) + note;
  return text.includes(COMMENT_MARKER) ? text : `${COMMENT_MARKER}\n${text}`;
}

function failed<T>(error: unknown, what: string): WriteOutcome<T> {
  return { ok: false, readOnly: isReadOnlyError(error), message: `could not ${what}: ${describeError(error)}` };
}

function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  return status === null || status >= 500;
}

async function createComment(client: GitHubClient, target: CommentTarget, body: string) {
  const answer = await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.number,
    body,
    request: { retries: 0 },
  });
  return parseResponse(RestIssueCommentSchema, answer.data, "GitHub's answer to the comment creation");
}

/** Ours among the comments updated since `since` (one request), after a create that may have landed. */
async function findOursSince(client: GitHubClient, target: CommentTarget, viewer: Actor | null, since: Date) {
  const answer = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.number,
    // A margin for clock skew between the runner and GitHub: missing the comment would duplicate it.
    since: new Date(since.getTime() - CLOCK_SKEW_MS).toISOString(),
    per_page: 100,
  });
  const items = Array.isArray(answer.data) ? answer.data : [];
  const comments: IssueComment[] = items.map((raw) => {
    const item = parseResponse(RestIssueCommentSchema, raw, "GitHub's list of recent comments");
    return {
      id: item.id,
      author: item.user ? { login: item.user.login, id: item.user.id, type: item.user.type === 'Bot' ? 'Bot' : 'User' } : null,
      body: item.body ?? '',
      createdAt: since.toISOString(),
      updatedAt: since.toISOString(),
      url: item.html_url,
    };
  });
  return findStickyComment(comments, viewer);
}

export async function upsertComment(
  client: GitHubClient,
  target: CommentTarget,
  body: string,
  existing: IssueComment | null,
  options: { viewer: Actor | null; since: Date },
): Promise<WriteOutcome<CommentWritten>> {
  const text = fitCommentBody(body);
  if (existing) {
    if (existing.body === text) return { ok: true, value: { id: existing.id, url: existing.url, action: 'unchanged' } };
    try {
      const answer = await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner: target.owner,
        repo: target.repo,
        comment_id: existing.id,
        body: text,
      });
      const comment = parseResponse(RestIssueCommentSchema, answer.data, "GitHub's answer to the comment update");
      return { ok: true, value: { id: comment.id, url: comment.html_url, action: 'updated' } };
    } catch (error) {
      return failed(error, `update the PR comment ${existing.url}`);
    }
  }
  try {
    const comment = await createComment(client, target, text);
    return { ok: true, value: { id: comment.id, url: comment.html_url, action: 'created' } };
  } catch (error) {
    if (!isTransient(error)) return failed(error, 'create the PR comment');
    try {
      const landed = await findOursSince(client, target, options.viewer, options.since);
      if (landed) {
        const again = await upsertComment(client, target, body, landed, options);
        return again.ok && again.value.action === 'unchanged' ? { ok: true, value: { ...again.value, action: 'created' } } : again;
      }
      const comment = await createComment(client, target, text);
      return { ok: true, value: { id: comment.id, url: comment.html_url, action: 'created' } };
    } catch (retryError) {
      return failed(retryError, 'create the PR comment');
    }
  }
}
