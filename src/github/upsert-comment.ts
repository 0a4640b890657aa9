import { COMMENT_MARKER, MAX_COMMENT_LENGTH } from '../render/render-comment.js';
import type { Actor, IssueComment } from '../snapshot.js';
import type { GitHubClient } from './client.js';
import { describeError, isReadOnlyError, statusOf } from './errors.js';
import { findOurComments } from './find-sticky-comment.js';
import { parseResponse, RestIssueCommentSchema } from './schemas.js';

/**
 * Writes the sticky comment: edits ours in place (one request), or creates it. Never a second one
 * (docs/security.md): creation is not retried blindly (a 502 may hide a comment that was created);
 * after a failed create we look for ours among the comments written since the run started, and
 * create only if it is not there; after a create we look again and keep the oldest of ours.
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

async function createComment(client: GitHubClient, target: CommentTarget, body: string): Promise<CommentWritten> {
  const answer = await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.number,
    body,
    request: { retries: 0 },
  });
  const comment = parseResponse(RestIssueCommentSchema, answer.data, "GitHub's answer to the comment creation");
  return { id: comment.id, url: comment.html_url, action: 'created' };
}

/**
 * Our comments among those updated since `since` (one request), oldest first: after a create that
 * may have landed, and after every create, to find a twin created by a run started at the same
 * moment.
 */
async function listOursSince(client: GitHubClient, target: CommentTarget, viewer: Actor | null, since: Date): Promise<IssueComment[]> {
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
    const createdAt = item.created_at ?? since.toISOString();
    return {
      id: item.id,
      author: item.user ? { login: item.user.login, id: item.user.id, type: item.user.type === 'Bot' ? 'Bot' : 'User' } : null,
      body: item.body ?? '',
      createdAt,
      updatedAt: createdAt,
      url: item.html_url,
    };
  });
  return findOurComments(comments, viewer);
}

async function updateComment(client: GitHubClient, target: CommentTarget, id: number, text: string): Promise<CommentWritten> {
  const answer = await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
    owner: target.owner,
    repo: target.repo,
    comment_id: id,
    body: text,
  });
  const comment = parseResponse(RestIssueCommentSchema, answer.data, "GitHub's answer to the comment update");
  return { id: comment.id, url: comment.html_url, action: 'updated' };
}

/**
 * After creating a comment: two runs started at the same moment (no concurrency group) both saw
 * no comment and both created one. Each lists ours again; the oldest stays. A run whose own
 * comment is not the oldest deletes it and writes its state into the oldest, so whatever the
 * interleaving the oldest is never deleted and every newer one is deleted by the run that made it.
 */
async function keepOldest(
  client: GitHubClient,
  target: CommentTarget,
  created: CommentWritten,
  text: string,
  options: { viewer: Actor | null; since: Date },
): Promise<WriteOutcome<CommentWritten>> {
  let ours: IssueComment[];
  try {
    ours = await listOursSince(client, target, options.viewer, options.since);
  } catch {
    // The comment is written; a twin, if any, is removed by the next run that finds two.
    return { ok: true, value: created };
  }
  const oldest = ours[0];
  if (!oldest || oldest.id === created.id || !ours.some((comment) => comment.id === created.id)) return { ok: true, value: created };
  try {
    await client.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: target.owner, repo: target.repo, comment_id: created.id });
  } catch (error) {
    return failed(error, `remove the PR comment ${created.url}, created at the same moment as ${oldest.url} by another run`);
  }
  try {
    return { ok: true, value: await updateComment(client, target, oldest.id, text) };
  } catch (error) {
    return failed(error, `update the PR comment ${oldest.url}`);
  }
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
      return { ok: true, value: await updateComment(client, target, existing.id, text) };
    } catch (error) {
      return failed(error, `update the PR comment ${existing.url}`);
    }
  }
  let created: CommentWritten;
  try {
    created = await createComment(client, target, text);
  } catch (error) {
    if (!isTransient(error)) return failed(error, 'create the PR comment');
    try {
      const landed = (await listOursSince(client, target, options.viewer, options.since))[0];
      if (landed) {
        const again = await upsertComment(client, target, body, landed, options);
        return again.ok && again.value.action === 'unchanged' ? { ok: true, value: { ...again.value, action: 'created' } } : again;
      }
      created = await createComment(client, target, text);
    } catch (retryError) {
      return failed(retryError, 'create the PR comment');
    }
  }
  return keepOldest(client, target, created, text, options);
}
