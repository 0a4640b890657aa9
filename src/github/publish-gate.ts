import * as core from '@actions/core';
import type { CommentMode } from '../inputs.js';
import { gatedSince, statusDescription } from '../detect/gate-memory.js';
import { buildGateState, withGateState } from '../gate-state.js';
import { buildAnnotations } from '../render/annotations.js';
import { escapeForLog } from '../render/escape-log.js';
import { renderComment } from '../render/render-comment.js';
import { toReportJson } from '../report-json.js';
import type { GateResult, Verdict } from '../result.js';
import type { IssueComment, PrSnapshot } from '../snapshot.js';
import type { GitHubClient } from './client.js';
import { findStickyComment } from './find-sticky-comment.js';
import { publishStatus, statusStateOf, type StatusState } from './publish-status.js';
import { upsertComment, type CommentTarget, type CommentWritten, type WriteOutcome } from './upsert-comment.js';

/**
 * Publishes a gate result everywhere README.md "Inputs and outputs" lists: the sticky comment,
 * the commit status, the job summary, annotations and outputs. A write that fails is a warning,
 * never a crash; a read-only token (a fork PR under `pull_request`) gets one line on how to switch safely.
 */

export const READ_ONLY_HINT =
  'agent-pr-gate: the token is read-only here (a pull request from a fork under `pull_request` gets a read-only token), ' +
  'so the comment and the status were not written; the verdict, summary, annotations and outputs still are. ' +
  'To get the comment and status, trigger the workflow on `pull_request_target` instead: it has a write token and is ' +
  'safe with this action, which never checks out or runs PR code (do not add a checkout of the PR head to that workflow).';

export type CommentAction = 'create' | 'update' | 'none';

/**
 * `always`: create or update. `on-failure`: create only when the verdict is not `pass`, but an
 * existing comment is still updated (so it shows the resolved state). `never`: leave comments
 * alone. A skipped (non-agent) PR never gets a new comment; an existing one is updated to say why.
 */
export function decideCommentAction(mode: CommentMode, verdict: Verdict, hasExisting: boolean): CommentAction {
  if (mode === 'never') return 'none';
  if (hasExisting) return 'update';
  if (verdict === 'skipped') return 'none';
  if (mode === 'on-failure' && verdict === 'pass') return 'none';
  return 'create';
}

export interface GatePublishOptions {
  comment: CommentMode;
  status: boolean;
  target: CommentTarget;
  snapshot: Pick<PrSnapshot, 'comments' | 'viewer' | 'headSha' | 'gateMemory'>;
  runUrl: string | null;
  startedAt: Date;
}

export interface GatePublished {
  commentUrl: string | null;
  comment: WriteOutcome<CommentWritten> | null;
  status: WriteOutcome<StatusState> | null;
}

function reportWriteProblems(outcomes: Array<WriteOutcome<unknown> | null>): void {
  let readOnly = false;
  for (const outcome of outcomes) {
    if (!outcome || outcome.ok) continue;
    if (outcome.readOnly) readOnly = true;
    else core.warning(`agent-pr-gate: ${escapeForLog(outcome.message)}`);
  }
  if (readOnly) core.warning(READ_ONLY_HINT);
}

async function writeSummary(markdown: string): Promise<void> {
  try {
    await core.summary.addRaw(markdown, true).write();
  } catch (error) {
    core.warning(`agent-pr-gate: could not write the job summary: ${escapeForLog(error instanceof Error ? error.message : String(error))}`);
  }
}

/** By name, not `core[level]`: a computed access would keep all of @actions/core in the bundle. */
const ANNOTATE = { error: core.error, warning: core.warning, notice: core.notice } as const;

export function emitAnnotations(result: GateResult): void {
  for (const annotation of buildAnnotations(result)) {
    const properties: core.AnnotationProperties = { title: annotation.title, file: annotation.file };
    if (annotation.line !== null) properties.startLine = annotation.line;
    ANNOTATE[annotation.level](annotation.message, properties);
  }
}

function commentWithState(body: string, result: GateResult, memory: PrSnapshot['gateMemory']): string {
  try {
    return withGateState(body, buildGateState(result, gatedSince(result.detection, memory, result.evaluatedAt)));
  } catch (error) {
    // Only a malformed head SHA or time could get here; the status still names the agent.
    core.warning(`agent-pr-gate: the gate state was not written: ${error instanceof Error ? error.message : String(error)}`);
    return body;
  }
}

export async function publishGateResult(
  client: GitHubClient,
  result: GateResult,
  options: GatePublishOptions,
): Promise<GatePublished> {
  // Every comment carries the gate's memory (docs/security.md, "The gate's memory").
  const body = commentWithState(renderComment(result), result, options.snapshot.gateMemory);
  const existing: IssueComment | null = findStickyComment(options.snapshot.comments, options.snapshot.viewer);
  const action = decideCommentAction(options.comment, result.verdict, existing !== null);
  const writeComment = () =>
    action === 'none'
      ? Promise.resolve(null)
      : upsertComment(client, options.target, body, existing, { viewer: options.snapshot.viewer, since: options.startedAt });
  const writeStatus = (targetUrl: string | null) =>
    options.status
      ? publishStatus(client, {
          owner: options.target.owner,
          repo: options.target.repo,
          sha: options.snapshot.headSha,
          state: statusStateOf(result.verdict),
          // The agent's id first: our statuses on earlier heads say which agent the gate saw.
          description: statusDescription(result.detection.agent, result.summary),
          targetUrl,
        })
      : Promise.resolve(null);

  let comment: WriteOutcome<CommentWritten> | null;
  let status: WriteOutcome<StatusState> | null;
  if (action === 'create') {
    // The status links to the comment, whose URL exists only once it is created.
    comment = await writeComment();
    status = await writeStatus(comment?.ok ? comment.value.url : options.runUrl);
  } else {
    [comment, status] = await Promise.all([writeComment(), writeStatus(existing?.url ?? options.runUrl)]);
  }
  reportWriteProblems([comment, status]);

  const commentUrl = comment?.ok ? comment.value.url : null;
  if (comment?.ok) core.info(`agent-pr-gate: comment ${comment.value.action}: ${escapeForLog(comment.value.url)}`);
  if (status?.ok) core.info(`agent-pr-gate: status ${status.value} set on ${options.snapshot.headSha.slice(0, 7)}`);

  await writeSummary(body);
  emitAnnotations(result);
  core.setOutput('verdict', result.verdict);
  core.setOutput('agent', result.detection.agent ?? '');
  core.setOutput('report', JSON.stringify(toReportJson(result)));
  core.setOutput('comment-url', commentUrl ?? '');
  return { commentUrl, comment, status };
}
