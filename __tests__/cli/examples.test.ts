/**
 * The workflow files in examples/ are what users copy: each must be a workflow GitHub accepts
 * (keys, triggers and activity types, permission scopes, `uses:` references), must use only the
 * inputs and outputs action.yml declares, with valid values, and the example policy must load.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/config/load-policy.js';
import { ACTION_REF, actionDoc, checkWorkflow, keysOf, readYaml, ROOT, type Yaml } from './workflow-check.js';

const EXAMPLES_DIR = join(ROOT, 'examples');

const workflowFiles = readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.yml') && !file.endsWith('.policy.yml'));

describe('examples/ workflows', () => {
  it('holds the gate, the observe-only and the report workflow', () => {
    expect(workflowFiles.sort()).toEqual(['agent-pr-gate-observe.yml', 'agent-pr-gate-report.yml', 'agent-pr-gate.yml']);
  });

  it.each(workflowFiles)('%s is a workflow GitHub accepts, using only what action.yml declares', (file) => {
    expect(checkWorkflow(file, readYaml(join(EXAMPLES_DIR, file)))).toEqual([]);
  });

  it('the gate workflow is the quick start: pull_request_target and pull_request_review, the three permissions, no checkout', () => {
    const workflow = readYaml(join(EXAMPLES_DIR, 'agent-pr-gate.yml'));
    expect(workflow.on).toEqual({
      pull_request_target: { types: ['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled', 'ready_for_review', 'edited', 'closed'] },
      pull_request_review: { types: ['submitted', 'dismissed', 'edited'] },
    });
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', statuses: 'write' });
    const job = (workflow.jobs as Record<string, Yaml>).gate!;
    expect(job.concurrency).toEqual({ group: 'agent-pr-gate-${{ github.event.pull_request.number }}', 'cancel-in-progress': true });
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
