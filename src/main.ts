import * as core from '@actions/core';
import { loadPolicy } from './config/load-policy.js';
import { detectAgent } from './detect/detect-agent.js';
import { evaluateGate } from './evaluate.js';
import { createGitHubClient, GATE_WRITE_SPACING_MS, type GitHubClient } from './github/client.js';
import { describeError } from './github/errors.js';
import { fetchGateLookups } from './github/fetch-gate-lookups.js';
import { fetchSnapshotStaged } from './github/fetch-snapshot.js';
import { publishGateResult } from './github/publish-gate.js';
import { describePolicyErrors, publishPolicyError } from './github/publish-policy-error.js';
import { readEvent, type GateEvent } from './github/read-event.js';
import { readRunnerEnv, type RunnerEnv } from './github/runner-env.js';
import { readInputs, type FailOn, type Inputs } from './inputs.js';
import { escapeForLog } from './render/escape-log.js';
import type { Verdict } from './result.js';

/** The action: inputs → client → event → (gate | report | merge queue | nothing) → publish. */
export async function main(): Promise<void> {
  const env = readRunnerEnv(process.env);
  try {
    const inputs = readInputs();
    const client = createGitHubClient({
      token: inputs.githubToken,
      apiUrl: env.apiUrl,
      graphqlUrl: env.graphqlUrl,
      // Report mode pages through hundreds of PRs: the throttling plugin's own spacing. A gate run
      // makes a few requests: one at a time, not spaced.
      writeSpacingMs: inputs.mode === 'report' ? undefined : GATE_WRITE_SPACING_MS,
      log: (message) => core.info(escapeForLog(message)),
    });
    if (inputs.mode === 'report') {
      const { runReportMode } = await import('./report-mode.js');
      await runReportMode(inputs, client, env);
      return;
    }
    const event = readEvent(env);
    if (event.kind === 'merge_group') {
      const { publishMergeGroup } = await import('./github/publish-merge-group.js');
      if (inputs.status) await publishMergeGroup(client, event, env.runUrl);
      else core.info('agent-pr-gate: merge group: status is off, nothing to do');
    } else if (event.kind === 'unsupported') {
      core.notice(
        `agent-pr-gate: the ${escapeForLog(event.name || 'unknown')} event has no pull request to gate, so there is nothing to do ` +
          '(gate mode runs on pull_request_target, pull_request, pull_request_review and merge_group).',
      );
    } else {
      await runGate(inputs, client, env, event);
    }
  } catch (error) {
    core.setFailed(`agent-pr-gate: ${escapeForLog(describeError(error))}`);
    if (env.debug && error instanceof Error && error.stack) for (const line of error.stack.split('\n')) core.info(escapeForLog(line));
  }
}

export function failsJob(verdict: Verdict, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'fail') return verdict === 'fail';
  return verdict === 'fail' || verdict === 'needs-review';
}

/**
 * When GitHub is known to have had the head commit on the PR (see PrSnapshot.headSeenAt): the
 * latest of what the snapshot read (the head commit's statuses) and, for the first attempt of a
 * run the push itself triggered (`synchronize` with this head), the run's start. A re-run starts
 * long after the push, so it adds nothing.
 */
export function headSeenAt(
  fromStatuses: string | null | undefined,
  event: { action: string | null; headSha: string },
  headSha: string,
  runAttempt: number,
  startedAt: Date,
): string | null {
  const pushRun = event.action === 'synchronize' && event.headSha === headSha && runAttempt === 1;
  const candidates = [fromStatuses ?? null, pushRun ? startedAt.toISOString() : null].filter((time): time is string => time !== null);
  if (candidates.length === 0) return null;
  return candidates.reduce((latest, time) => (Date.parse(time) > Date.parse(latest) ? time : latest));
}

async function runGate(inputs: Inputs, client: GitHubClient, env: RunnerEnv, event: Extract<GateEvent, { kind: 'pull_request' }>) {
  const startedAt = new Date();
  const target = { owner: event.owner, repo: event.repo, number: event.number };
  const staged = await fetchSnapshotStaged(client, { ...target, name: event.repo, baseSha: event.baseSha, configPath: inputs.config });

  const loaded = loadPolicy(staged.snapshot.base.policy.text, inputs.config);
  if (!loaded.ok) {
    await publishPolicyError(client, loaded.errors, { ...target, status: inputs.status, headSha: staged.snapshot.headSha, runUrl: env.runUrl });
    core.setFailed(`agent-pr-gate: ${escapeForLog(describePolicyErrors(loaded.errors))}`);
    return;
  }
  for (const warning of loaded.warnings) core.warning(`agent-pr-gate: ${escapeForLog(warning)}`);

  // Only an agent PR is judged on its patches: a human PR's other file pages are not fetched.
  // Detection reads no files, and before lookups it errs towards "agent" (a removed agent label
  // still counts), so an agent PR always gets all of them.
  const skipFilePages = staged.moreFiles && detectAgent(loaded.policy, staged.snapshot).agent === null;
  const snapshot = skipFilePages ? staged.snapshot : await staged.complete();
  snapshot.headSeenAt = headSeenAt(snapshot.headSeenAt, event, snapshot.headSha, env.runAttempt, startedAt);

  const { lookups, findings } = await fetchGateLookups(client, loaded.policy, snapshot, env.workflowPath);
  snapshot.lookups = lookups;
  const result = evaluateGate(loaded.policy, snapshot, { now: startedAt, workflowPath: env.workflowPath, findings });
  core.info(`agent-pr-gate: PR #${event.number}: ${result.verdict}${result.detection.agent ? ` (${result.detection.agent})` : ''}: ${escapeForLog(result.summary)}`);

  await publishGateResult(client, result, {
    comment: inputs.comment,
    status: inputs.status,
    target,
    snapshot,
    runUrl: env.runUrl,
    startedAt,
  });
  if (failsJob(result.verdict, inputs.failOn)) {
    core.setFailed(`agent-pr-gate: verdict ${result.verdict} (fail-on: ${inputs.failOn}): ${escapeForLog(result.summary)}`);
  }
}
