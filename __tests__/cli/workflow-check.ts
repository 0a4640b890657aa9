/**
 * Checks a GitHub Actions workflow the way GitHub would reject it, without GitHub: keys,
 * triggers and their activity types, permission scopes and values, `uses:` references, and, for
 * steps of this action, only inputs and outputs that action.yml declares (with valid values).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseDocument } from 'yaml';
import { ACTION_REF } from '../../src/project.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export { ACTION_REF };
/** This action in a `uses:`: its home or a fork of it. */
const isOurs = (uses: unknown) => typeof uses === 'string' && /^[\w.-]+\/agent-pr-gate@/.test(uses);

export type Yaml = Record<string, unknown>;

/** The YAML errors of a text (GitHub rejects a workflow with any), one line each. */
export function yamlErrors(text: string): string[] {
  const doc = parseDocument(text, { uniqueKeys: true, strict: true });
  return doc.errors.map((error) => `${error.linePos?.[0].line ?? 0}:${error.linePos?.[0].col ?? 0}: ${error.message.split('\n')[0]}`);
}

export function readYaml(path: string): Yaml {
  const doc = parseDocument(readFileSync(path, 'utf8'), { uniqueKeys: true, strict: true });
  expect(doc.errors.map((error) => error.message)).toEqual([]);
  const value: unknown = doc.toJS();
  expect(typeof value).toBe('object');
  return value as Yaml;
}

// action.yml is checked on its own below; its input and output names are read even if it has errors.
export const actionDoc = parseDocument(readFileSync(join(ROOT, 'action.yml'), 'utf8'), { uniqueKeys: true });
const action = actionDoc.toJS() as Yaml;
const actionInputs = action.inputs as Record<string, unknown>;
const actionOutputs = action.outputs as Record<string, unknown>;

// From GitHub's workflow syntax documentation.
const WORKFLOW_KEYS = ['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs'];
const JOB_KEYS = ['name', 'permissions', 'needs', 'if', 'runs-on', 'environment', 'concurrency', 'outputs', 'env', 'defaults', 'steps', 'timeout-minutes', 'strategy', 'continue-on-error', 'container', 'services', 'uses', 'with', 'secrets'];
const STEP_KEYS = ['id', 'if', 'name', 'uses', 'run', 'shell', 'with', 'env', 'continue-on-error', 'timeout-minutes', 'working-directory'];
const PERMISSION_SCOPES = ['actions', 'attestations', 'checks', 'contents', 'deployments', 'discussions', 'id-token', 'issues', 'models', 'packages', 'pages', 'pull-requests', 'repository-projects', 'security-events', 'statuses'];
const ACTIVITY_TYPES: Record<string, string[]> = {
  pull_request_target: ['assigned', 'unassigned', 'labeled', 'unlabeled', 'opened', 'edited', 'closed', 'reopened', 'synchronize', 'converted_to_draft', 'ready_for_review', 'locked', 'unlocked', 'review_requested', 'review_request_removed', 'auto_merge_enabled', 'auto_merge_disabled', 'milestoned', 'demilestoned', 'enqueued', 'dequeued'],
  pull_request: ['assigned', 'unassigned', 'labeled', 'unlabeled', 'opened', 'edited', 'closed', 'reopened', 'synchronize', 'converted_to_draft', 'ready_for_review', 'locked', 'unlocked', 'review_requested', 'review_request_removed', 'auto_merge_enabled', 'auto_merge_disabled', 'milestoned', 'demilestoned', 'enqueued', 'dequeued'],
  pull_request_review: ['submitted', 'edited', 'dismissed'],
  merge_group: ['checks_requested'],
  workflow_run: ['completed', 'requested', 'in_progress'],
};
const EVENTS_WITHOUT_TYPES = ['schedule', 'workflow_dispatch', 'push', 'merge_group'];
const ENUM_INPUTS: Record<string, string[]> = {
  mode: ['gate', 'report'],
  'fail-on': ['needs-review', 'fail', 'never'],
  comment: ['always', 'on-failure', 'never'],
  status: ['true', 'false'],
};
const USES = /^(\.\/[\w./-]*|docker:\/\/\S+|[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[\w./-]+)$/;

export function keysOf(value: unknown): string[] {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function expressions(text: string): string[] {
  return [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((match) => match[1]!.trim());
}

/** Every problem found in one workflow, as sentences (an empty list means valid). */
export function checkWorkflow(file: string, workflow: Yaml): string[] {
  const problems: string[] = [];
  const say = (message: string) => problems.push(`${file}: ${message}`);
  for (const key of keysOf(workflow)) if (!WORKFLOW_KEYS.includes(key)) say(`unknown top-level key ${key}`);
  if (typeof workflow.name !== 'string') say('has no name');

  const on = workflow.on as Record<string, unknown> | undefined;
  if (keysOf(on).length === 0) say('has no `on:` triggers');
  for (const [event, config] of Object.entries(on ?? {})) {
    if (!(event in ACTIVITY_TYPES) && !EVENTS_WITHOUT_TYPES.includes(event)) say(`unexpected event ${event}`);
    const types = (config as { types?: unknown } | null)?.types;
    if (types !== undefined) {
      if (!Array.isArray(types) || types.length === 0) say(`${event}.types must be a non-empty list`);
      for (const type of (types as unknown[]) ?? []) {
        if (!ACTIVITY_TYPES[event]?.includes(String(type))) say(`${event} has no activity type ${String(type)}`);
      }
    }
    if (event === 'workflow_run') {
      const names = (config as { workflows?: unknown } | null)?.workflows;
      if (!Array.isArray(names) || names.length === 0) say('workflow_run needs a non-empty workflows list');
    }
    if (event === 'schedule') {
      for (const entry of config as Array<{ cron?: unknown }>) {
        if (typeof entry.cron !== 'string' || entry.cron.trim().split(/\s+/).length !== 5) say('schedule needs a five-field cron');
      }
    }
  }

  const checkPermissions = (permissions: unknown, where: string) => {
    if (permissions === undefined) return;
    if (permissions === 'read-all' || permissions === 'write-all') return;
    for (const [scope, access] of Object.entries(permissions as Record<string, unknown>)) {
      if (!PERMISSION_SCOPES.includes(scope)) say(`${where}: unknown permission scope ${scope}`);
      const allowed = scope === 'id-token' ? ['write', 'none'] : ['read', 'write', 'none'];
      if (!allowed.includes(String(access))) say(`${where}: ${scope} cannot be ${String(access)}`);
    }
  };
  checkPermissions(workflow.permissions, 'permissions');

  const dispatchInputs = keysOf((on?.workflow_dispatch as { inputs?: unknown } | null)?.inputs);
  const jobs = workflow.jobs as Record<string, Yaml> | undefined;
  if (keysOf(jobs).length === 0) say('has no jobs');
  for (const [jobId, job] of Object.entries(jobs ?? {})) {
    for (const key of keysOf(job)) if (!JOB_KEYS.includes(key)) say(`job ${jobId}: unknown key ${key}`);
    if (job['runs-on'] === undefined) say(`job ${jobId} has no runs-on`);
    checkPermissions(job.permissions, `job ${jobId} permissions`);
    const steps = job.steps as Yaml[] | undefined;
    if (!Array.isArray(steps) || steps.length === 0) say(`job ${jobId} has no steps`);
    const ours = new Set<string>();
    for (const [index, step] of (steps ?? []).entries()) {
      const where = `job ${jobId} step ${index + 1}`;
      for (const key of keysOf(step)) if (!STEP_KEYS.includes(key)) say(`${where}: unknown key ${key}`);
      if ((step.uses === undefined) === (step.run === undefined)) say(`${where} needs exactly one of uses and run`);
      if (step.uses !== undefined && !USES.test(String(step.uses))) say(`${where}: malformed uses ${String(step.uses)}`);
      for (const [name, value] of Object.entries((step.with as Record<string, unknown> | undefined) ?? {})) {
        if (value !== null && typeof value === 'object') say(`${where}: with.${name} must be a scalar`);
      }
      // `./`: this repository's own workflows run the action from their checkout.
      if (isOurs(step.uses) || step.uses === './') {
        if (typeof step.id === 'string') ours.add(step.id);
        for (const [name, value] of Object.entries((step.with as Record<string, unknown> | undefined) ?? {})) {
          if (!(name in actionInputs)) say(`${where}: action.yml has no input ${name}`);
          const allowed = ENUM_INPUTS[name];
          if (allowed && !String(value).includes('${{') && !allowed.includes(String(value))) say(`${where}: ${name} cannot be ${String(value)}`);
        }
      }
      const text = JSON.stringify(step);
      for (const expression of expressions(text)) {
        for (const match of expression.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
          if (!ours.has(match[1]!)) say(`${where}: steps.${match[1]} is not an earlier step of this action`);
          if (!(match[2]! in actionOutputs)) say(`${where}: action.yml has no output ${match[2]}`);
        }
        for (const match of expression.matchAll(/\binputs\.([\w-]+)/g)) {
          if (!dispatchInputs.includes(match[1]!)) say(`${where}: inputs.${match[1]} is not a workflow_dispatch input`);
        }
      }
    }
  }
  for (const text of strings(workflow)) {
    if ((text.match(/\$\{\{/g) ?? []).length !== (text.match(/\}\}/g) ?? []).length) say(`unbalanced \${{ }} in ${text}`);
  }
  return problems;
}

/**
 * Triggers whose run can take its workflow file, or its code, from a PR's ref (docs/security.md,
 * "Which file each trigger runs"): `pull_request` and `pull_request_review` run the workflow as it
 * is in the PR's merge commit. `issue_comment` is listed too: it is how PR comments are usually
 * relayed, and a comment is anyone's text.
 */
const PR_REF_TRIGGERS = ['pull_request', 'pull_request_review', 'pull_request_review_comment', 'issue_comment'];
/** Triggers that run the default branch's file with a write token: they must never check out PR code. */
const PRIVILEGED_TRIGGERS = ['pull_request_target', 'workflow_run'];
const PR_HEAD_REF = /github\.event\.(pull_request\.head|workflow_run\.head_(sha|branch|commit))|github\.head_ref|refs\/pull\/|\bgh pr checkout\b|\bgit (fetch|checkout)\b[^\n]*\bpull\//;

function writes(permissions: unknown): string[] {
  if (permissions === undefined) return ['(the default token, which can write)'];
  if (permissions === 'write-all') return ['write-all'];
  if (permissions === 'read-all') return [];
  return Object.entries((permissions ?? {}) as Record<string, unknown>)
    .filter(([, access]) => access === 'write')
    .map(([scope]) => scope);
}

/**
 * Whether a workflow could run the gate (or any PR code) with a write token from a PR's ref: a
 * PR-ref trigger with any write permission, or this action, or a privileged trigger that checks
 * out or fetches the PR head. One sentence per problem.
 */
export function checkTrust(file: string, workflow: Yaml): string[] {
  const problems: string[] = [];
  const say = (message: string) => problems.push(`${file}: ${message}`);
  const events = keysOf(workflow.on);
  const fromPrRef = events.filter((event) => PR_REF_TRIGGERS.includes(event));
  const privileged = events.filter((event) => PRIVILEGED_TRIGGERS.includes(event));
  const jobs = Object.entries((workflow.jobs ?? {}) as Record<string, Yaml>);
  if (fromPrRef.length > 0) {
    const trigger = fromPrRef.join(', ');
    for (const [jobId, job] of jobs) {
      // A job's permissions replace the workflow's; without either, the token is the default one.
      const permissions = job.permissions !== undefined ? job.permissions : workflow.permissions;
      const scopes = writes(permissions);
      if (scopes.length > 0) say(`runs on ${trigger} (the PR's own workflow file) with write permission: job ${jobId}: ${scopes.join(', ')}`);
      for (const step of (job.steps ?? []) as Yaml[]) {
        if (isOurs(step.uses)) say(`runs the gate on ${trigger}, from the PR's own workflow file: job ${jobId}`);
      }
    }
  }
  if (privileged.length > 0) {
    for (const [jobId, job] of jobs) {
      for (const [index, step] of ((job.steps ?? []) as Yaml[]).entries()) {
        if (PR_HEAD_REF.test(JSON.stringify(step))) say(`checks out or fetches the PR head on ${privileged.join(', ')}: job ${jobId} step ${index + 1}`);
      }
    }
  }
  return problems;
}
