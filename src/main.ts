import * as core from '@actions/core';
import { loadPolicy } from './config/load-policy.js';
import { runGatePipeline } from './gate/pipeline.js';
import { firstReads } from './gate/reads.js';
import { createGitHubClient, GATE_WRITE_SPACING_MS, type GitHubClient } from './github/client.js';
import { describeError } from './github/errors.js';
import { gateFetch } from './github/fetch-gate-reads.js';
import { fetchSnapshotStaged } from './github/fetch-snapshot.js';
import { publishGateResult } from './github/publish-gate.js';
import { describePolicyErrors, publishPolicyError } from './github/publish-policy-error.js';
import { readEvent, type GateEvent } from './github/read-event.js';
import { readRunnerEnv, type RunnerEnv } from './github/runner-env.js';
import { readInputs, type Inputs } from './inputs.js';
import { failsJob } from './verdict.js';
import { escapeForLog } from './render/escape-log.js';

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
    } else if (event.kind === 'workflow_run') {
      // Review events, relayed: find the PR, then gate it as any other PR event.
      const { findWorkflowRunPr } = await import('./github/find-workflow-run-pr.js');
      const target = await findWorkflowRunPr(client, event);
      if (target.kind === 'found') await runGate(inputs, client, env, target.event);
      else core.notice(`agent-pr-gate: ${escapeForLog(target.message)}; nothing to do.`);
    } else if (event.kind === 'unsupported') {
      core.notice(
        `agent-pr-gate: the ${escapeForLog(event.name || 'unknown')} event has no pull request to gate, so there is nothing to do ` +
          '(gate mode runs on pull_request_target, pull_request, pull_request_review, workflow_run and merge_group).',
      );
    } else {
      await runGate(inputs, client, env, event);
    }
  } catch (error) {
    core.setFailed(`agent-pr-gate: ${escapeForLog(describeError(error))}`);
    if (env.debug && error instanceof Error && error.stack) for (const line of error.stack.split('\n')) core.info(escapeForLog(line));
  }
}

export { failsJob };

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

  // plan → fetch → decide (docs/architecture.md): the pipeline reads what the policy needs (a
  // human PR's other file pages are never read) and the snapshot stays as the adapter built it.
  const options = {
    now: startedAt,
    workflowPath: env.workflowPath,
    headSeenAt: headSeenAt(staged.snapshot.headSeenAt, event, staged.snapshot.headSha, env.runAttempt, startedAt),
  };
  const first = firstReads(staged.snapshot, { morePages: staged.moreFiles });
  const { result, reads } = await runGatePipeline(loaded.policy, first, gateFetch(client, staged), options);
  core.info(`agent-pr-gate: PR #${event.number}: ${result.verdict}${result.detection.agent ? ` (${result.detection.agent})` : ''}: ${escapeForLog(result.summary)}`);

  await publishGateResult(client, result, {
    comment: inputs.comment,
    status: inputs.status,
    target,
    snapshot: reads.snapshot,
    runUrl: env.runUrl,
    startedAt,
  });
  if (failsJob(result.verdict, inputs.failOn)) {
    core.setFailed(`agent-pr-gate: verdict ${result.verdict} (fail-on: ${inputs.failOn}): ${escapeForLog(result.summary)}`);
  }
}
