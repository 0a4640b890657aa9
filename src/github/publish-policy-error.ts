import * as core from '@actions/core';
import { formatPolicyError, type PolicyError } from '../config/load-policy.js';
import { escapeForLog } from '../render/escape-log.js';
import type { GitHubClient } from './client.js';
import { publishStatus } from './publish-status.js';
import { READ_ONLY_HINT } from './publish-gate.js';

/**
 * The base branch's policy file does not parse or validate: nothing is evaluated. Each error is an
 * annotation at its file:line:column, the status is `error` with the first location in its
 * description, the summary lists them all, `verdict` is empty and the job fails (main.ts).
 * The sticky comment is left as it was: the problem is in the base branch, not in this PR.
 */

export interface PolicyErrorPublishOptions {
  status: boolean;
  owner: string;
  repo: string;
  headSha: string;
  runUrl: string | null;
}

/** One line for the status description and the failure message. */
export function describePolicyErrors(errors: readonly PolicyError[]): string {
  const first = errors[0];
  if (!first) return 'policy error';
  const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : '';
  return `policy error: ${formatPolicyError(first)}${more}`;
}

/** One error annotation per policy error, at its file:line:column (gate and report mode). */
export function annotatePolicyErrors(errors: readonly PolicyError[]): void {
  for (const error of errors) {
    core.error(escapeForLog(formatPolicyError(error)), {
      title: 'agent-pr-gate policy error',
      file: error.file,
      startLine: error.line,
      startColumn: error.column,
    });
  }
}

export async function publishPolicyError(
  client: GitHubClient,
  errors: readonly PolicyError[],
  options: PolicyErrorPublishOptions,
): Promise<void> {
  annotatePolicyErrors(errors);
  const line = describePolicyErrors(errors);
  if (options.status) {
    const outcome = await publishStatus(client, {
      owner: options.owner,
      repo: options.repo,
      sha: options.headSha,
      state: 'error',
      description: line,
      targetUrl: options.runUrl,
    });
    if (!outcome.ok) core.warning(outcome.readOnly ? READ_ONLY_HINT : `agent-pr-gate: ${escapeForLog(outcome.message)}`);
  }
  // A fenced block shows the messages as they are (they contain backticks of their own); the fence
  // is longer than any backtick run inside, so no message can close it.
  const lines = errors.map((error) => escapeForLog(formatPolicyError(error)));
  const fence = '`'.repeat(Math.max(3, ...lines.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length + 1))));
  const list = [`${fence}text`, ...lines, fence].join('\n');
  try {
    await core.summary
      .addRaw(`## agent-pr-gate: policy error\n\nThe policy file on the base branch is not valid, so this PR was not evaluated.\n\n${list}\n`, true)
      .write();
  } catch (error) {
    core.warning(`agent-pr-gate: could not write the job summary: ${escapeForLog(error instanceof Error ? error.message : String(error))}`);
  }
  core.setOutput('verdict', '');
  core.setOutput('agent', '');
  core.setOutput('report', '');
  core.setOutput('comment-url', '');
}
