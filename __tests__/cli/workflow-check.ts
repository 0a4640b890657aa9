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
      if (step.uses === ACTION_REF || step.uses === './') {
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
