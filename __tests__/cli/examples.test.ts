/**
 * The workflow files in examples/ are what users copy: each must be a workflow GitHub accepts
 * (keys, triggers and activity types, permission scopes, `uses:` references), must use only the
 * inputs and outputs action.yml declares, with valid values, and the example policy must load.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/config/load-policy.js';
import { ACTION_REF, actionDoc, checkTrust, checkWorkflow, keysOf, readYaml, ROOT, type Yaml } from './workflow-check.js';

const EXAMPLES_DIR = join(ROOT, 'examples');

const workflowFiles = readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.yml') && !file.endsWith('.policy.yml'));

describe('examples/ workflows', () => {
  it('holds the gate, the review relay, the observe-only and the report workflow', () => {
    expect(workflowFiles.sort()).toEqual(['agent-pr-gate-observe.yml', 'agent-pr-gate-report.yml', 'agent-pr-gate-review.yml', 'agent-pr-gate.yml']);
  });

  it.each(workflowFiles)('%s never runs the gate from a PR’s ref with a write token, nor checks out the PR head', (file) => {
    expect(checkTrust(file, readYaml(join(EXAMPLES_DIR, file)))).toEqual([]);
  });

  it('every workflow_run trigger names a workflow of examples/ that runs on review events', () => {
    const names = new Map(workflowFiles.map((file) => [readYaml(join(EXAMPLES_DIR, file)).name, file]));
    for (const file of workflowFiles) {
      const run = (readYaml(join(EXAMPLES_DIR, file)).on as Record<string, { workflows?: string[] }>).workflow_run;
      for (const name of run?.workflows ?? []) {
        const relay = names.get(name);
        expect(relay, `${file}: workflow_run names ${name}`).toBeDefined();
        expect(keysOf(readYaml(join(EXAMPLES_DIR, relay!)).on)).toEqual(['pull_request_review']);
      }
    }
  });

  it('the review relay holds no permission and runs nothing but an echo', () => {
    const workflow = readYaml(join(EXAMPLES_DIR, 'agent-pr-gate-review.yml'));
    expect(workflow.name).toBe('agent-pr-gate-review');
    expect(workflow.on).toEqual({ pull_request_review: { types: ['submitted', 'dismissed', 'edited'] } });
    expect(workflow.permissions).toEqual({});
    const jobs = Object.values(workflow.jobs as Record<string, Yaml>);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.permissions).toBeUndefined();
    const steps = jobs[0]!.steps as Yaml[];
    expect(steps).toHaveLength(1);
    expect(keysOf(steps[0])).toEqual(['run']);
    expect(String(steps[0]!.run)).toMatch(/^echo "[^"$`]*"$/);
  });

  it.each(workflowFiles)('%s is a workflow GitHub accepts, using only what action.yml declares', (file) => {
    expect(checkWorkflow(file, readYaml(join(EXAMPLES_DIR, file)))).toEqual([]);
  });

  it('the gate workflow is the quick start: pull_request_target and workflow_run, the three permissions, no checkout', () => {
    const workflow = readYaml(join(EXAMPLES_DIR, 'agent-pr-gate.yml'));
    expect(workflow.on).toEqual({
      pull_request_target: { types: ['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled', 'ready_for_review', 'edited', 'closed'] },
      workflow_run: { workflows: ['agent-pr-gate-review'], types: ['completed'] },
    });
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', statuses: 'write' });
    const job = (workflow.jobs as Record<string, Yaml>).gate!;
    expect(job.concurrency).toEqual({
      group: 'agent-pr-gate-${{ github.event.pull_request.number || github.event.workflow_run.head_sha }}',
      'cancel-in-progress': true,
    });
    expect(job.steps).toEqual([{ uses: ACTION_REF, with: { config: '.github/agent-pr-gate.yml' } }]);
  });

  it('the observe workflow never fails the job', () => {
    const workflow = readYaml(join(EXAMPLES_DIR, 'agent-pr-gate-observe.yml'));
    const steps = (workflow.jobs as Record<string, Yaml>).gate!.steps as Yaml[];
    expect(steps[0]!.with).toMatchObject({ 'fail-on': 'never' });
  });

  it('the report workflow runs report mode on a schedule and uploads the report-path output', () => {
    const workflow = readYaml(join(EXAMPLES_DIR, 'agent-pr-gate-report.yml'));
    expect(keysOf(workflow.on)).toEqual(['schedule', 'workflow_dispatch']);
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'read' });
    const steps = (workflow.jobs as Record<string, Yaml>).report!.steps as Yaml[];
    expect(steps[0]).toMatchObject({ uses: ACTION_REF, id: 'report', with: { mode: 'report' } });
    expect(steps[1]).toMatchObject({ uses: 'actions/upload-artifact@v4', with: { path: '${{ steps.report.outputs.report-path }}' } });
  });

  it('finds the mistakes it is meant to find', () => {
    const broken: Yaml = {
      name: 'x',
      on: { pull_request_target: { types: ['opened', 'approved'] } },
      permissions: { 'pull-request': 'write', contents: 'admin' },
      jobs: {
        gate: {
          steps: [
            { uses: ACTION_REF, id: 'g', with: { 'fail-on': 'sometimes', configs: 'x' } },
            { run: 'echo ${{ steps.g.outputs.result }}' },
            { uses: 'actions/upload-artifact', with: { path: '${{ steps.g.outputs.report-path' } },
          ],
        },
      },
    };
    expect(checkWorkflow('broken.yml', broken)).toEqual([
      'broken.yml: pull_request_target has no activity type approved',
      'broken.yml: permissions: unknown permission scope pull-request',
      'broken.yml: permissions: contents cannot be admin',
      'broken.yml: job gate has no runs-on',
      'broken.yml: job gate step 1: fail-on cannot be sometimes',
      'broken.yml: job gate step 1: action.yml has no input configs',
      'broken.yml: job gate step 2: action.yml has no output result',
      'broken.yml: job gate step 3: malformed uses actions/upload-artifact',
      'broken.yml: unbalanced ${{ }} in ${{ steps.g.outputs.report-path',
    ]);
  });
});

describe('checkTrust', () => {
  const gateStep = { uses: ACTION_REF, with: { config: '.github/agent-pr-gate.yml' } };
  it('finds every way an example could run the gate from a PR’s ref with write access', () => {
    const onReview: Yaml = {
      on: { pull_request_review: { types: ['submitted'] } },
      permissions: { contents: 'read', statuses: 'write' },
      jobs: { gate: { 'runs-on': 'ubuntu-latest', steps: [gateStep] } },
    };
    expect(checkTrust('a.yml', onReview)).toEqual([
      'a.yml: runs on pull_request_review (the PR\'s own workflow file) with write permission: job gate: statuses',
      'a.yml: runs the gate on pull_request_review, from the PR\'s own workflow file: job gate',
    ]);
    const defaultToken: Yaml = { on: { pull_request: {} }, jobs: { relay: { 'runs-on': 'x', steps: [{ run: 'echo' }] } } };
    expect(checkTrust('b.yml', defaultToken)).toEqual(['b.yml: runs on pull_request (the PR\'s own workflow file) with write permission: job relay: (the default token, which can write)']);
    const jobWrites: Yaml = { on: { issue_comment: {} }, permissions: {}, jobs: { j: { 'runs-on': 'x', permissions: 'write-all', steps: [{ run: 'echo' }] } } };
    expect(checkTrust('c.yml', jobWrites)).toEqual(['c.yml: runs on issue_comment (the PR\'s own workflow file) with write permission: job j: write-all']);
    const checkout: Yaml = {
      on: { workflow_run: { workflows: ['r'] }, pull_request_target: {} },
      permissions: { statuses: 'write' },
      jobs: {
        gate: {
          'runs-on': 'x',
          steps: [
            { uses: 'actions/checkout@v4', with: { ref: '${{ github.event.workflow_run.head_sha }}' } },
            { uses: 'actions/checkout@v4', with: { ref: '${{ github.event.pull_request.head.sha }}' } },
            { run: 'gh pr checkout 42' },
            { uses: 'actions/checkout@v4' },
            gateStep,
          ],
        },
      },
    };
    expect(checkTrust('d.yml', checkout)).toEqual([1, 2, 3].map((n) => `d.yml: checks out or fetches the PR head on workflow_run, pull_request_target: job gate step ${n}`));
  });
});

describe('action.yml', () => {
  it('is valid YAML (GitHub rejects an action whose metadata does not parse)', () => {
    expect(actionDoc.errors.map((error) => `action.yml:${error.linePos?.[0].line ?? 0}: ${error.code}`)).toEqual([]);
  });
});

describe('examples/agent-pr-gate.policy.yml', () => {
  it('is a valid policy over the default preset', () => {
    const result = loadPolicy(readFileSync(join(EXAMPLES_DIR, 'agent-pr-gate.policy.yml'), 'utf8'), 'agent-pr-gate.policy.yml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy.preset).toBe('default');
    expect(result.policy.permissions.workflows.level).toBe('deny');
    expect(result.policy.permissions.custom.map((rule) => rule.name)).toEqual(['billing']);
  });
});
