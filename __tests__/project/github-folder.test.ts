/**
 * The repository's own .github/: CI on Node 24, the gate on its own PRs through the safe trigger
 * pair (docs/security.md), the release, Dependabot, CODEOWNERS — and the rule every workflow with
 * a write token keeps: it never checks out or runs a pull request's code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseCodeowners } from '../../src/reviews/codeowners.js';
import { REPOSITORY } from '../../src/project.js';
import { checkWorkflow, ROOT, type Yaml } from '../cli/workflow-check.js';
import { writeTokenProblems } from './workflow-safety.js';

const WORKFLOWS = join(ROOT, '.github', 'workflows');

function read(path: string): Yaml {
  const doc = parseDocument(readFileSync(path, 'utf8'), { uniqueKeys: true, strict: true });
  expect(doc.errors.map((error) => error.message)).toEqual([]);
  return doc.toJS() as Yaml;
}

const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name)).sort();
const workflows = Object.fromEntries(files.map((name) => [name, read(join(WORKFLOWS, name))]));
type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
const steps = (workflow: Yaml): Step[] => Object.values(workflow.jobs as Record<string, { steps: Step[] }>).flatMap((job) => job.steps);

describe('.github/workflows', () => {
  it('holds CI, the gate and its review relay, and the release', () => {
    expect(files).toEqual(['agent-pr-gate-review.yml', 'agent-pr-gate.yml', 'ci.yml', 'release.yml']);
  });

  it.each(files)('%s is a workflow GitHub accepts', (name) => {
    expect(checkWorkflow(name, workflows[name]!)).toEqual([]);
  });

  it.each(files)('%s never checks out or runs PR code with a write token', (name) => {
    expect(writeTokenProblems(workflows[name]!)).toEqual([]);
  });

  it('ci.yml runs .ci/run on Node 24 for pushes to main and pull requests, read-only', () => {
    const ci = workflows['ci.yml']!;
    expect(Object.keys(ci.on as Yaml)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(ci.permissions).toEqual({ contents: 'read' });
    const all = steps(ci);
    expect(all.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(24);
    expect(all.at(-1)?.run).toBe('.ci/run');
  });

  it('agent-pr-gate.yml runs this action (uses: ./) in observe mode from pull_request_target and the review relay', () => {
    const gate = workflows['agent-pr-gate.yml']!;
    const relay = workflows['agent-pr-gate-review.yml']!;
    expect(Object.keys(gate.on as Yaml).sort()).toEqual(['pull_request_target', 'workflow_run']);
    expect((gate.on as { workflow_run: Yaml }).workflow_run).toEqual({ workflows: [relay.name], types: ['completed'] });
    expect(gate.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', statuses: 'write' });
    const ours = steps(gate).filter((step) => step.uses === './');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.with).toMatchObject({ 'fail-on': 'never' });
    // The relay runs the PR's version of its file: no token, no action, nothing but an echo.
    expect(Object.keys(relay.on as Yaml)).toEqual(['pull_request_review']);
    expect(relay.permissions).toEqual({});
    expect(steps(relay).every((step) => step.uses === undefined && /^echo /.test(step.run ?? ''))).toBe(true);
  });

  it('release.yml turns a vX.Y.Z tag into a GitHub Release with notes, moves the major tag and publishes with provenance', () => {
    const release = workflows['release.yml']!;
    expect(release.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] } });
    expect(release.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
    const runs = steps(release).map((step) => step.run ?? '').join('\n');
    expect(runs).toMatch(/GITHUB_REF_NAME" != "v\$version"/);
    expect(runs).toContain('.ci/run');
    expect(runs).toMatch(/gh release create "\$GITHUB_REF_NAME" --verify-tag --generate-notes/);
    expect(runs).toMatch(/major="\$\{GITHUB_REF_NAME%%\.\*\}"[\s\S]*git push --force origin "refs\/tags\/\$major"/);
    expect(runs).toContain('npm publish --provenance --access public');
  });
});

describe('the rest of .github/ and the repository root', () => {
  it('has Dependabot for npm and GitHub Actions', () => {
    const config = read(join(ROOT, '.github', 'dependabot.yml')) as { version: number; updates: Array<{ 'package-ecosystem': string; directory: string }> };
    expect(config.version).toBe(2);
    expect(config.updates.map((update) => [update['package-ecosystem'], update.directory])).toEqual([
      ['npm', '/'],
      ['github-actions', '/'],
    ]);
  });

  it('has a CODEOWNERS that parses, owning everything', () => {
    const parsed = parseCodeowners(readFileSync(join(ROOT, '.github', 'CODEOWNERS'), 'utf8'), '.github/CODEOWNERS');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rules.map((rule) => [rule.pattern, rule.owners])).toEqual([['*', ['@agent-pr-gate/maintainers']]]);
  });

  it('has SECURITY.md pointing at private vulnerability reporting, and an MIT LICENSE', () => {
    const security = readFileSync(join(ROOT, 'SECURITY.md'), 'utf8');
    expect(security).toContain(`https://github.com/${REPOSITORY}/security/advisories/new`);
    expect(security).toMatch(/private vulnerability reporting/);
    const licence = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(licence.split('\n')[0]).toBe('MIT License');
    expect(licence).toMatch(/^Copyright \(c\) \d{4} Agent PR Gate contributors$/m);
  });

  it('marks dist/ as generated', () => {
    expect(existsSync(join(ROOT, '.gitattributes'))).toBe(true);
    expect(readFileSync(join(ROOT, '.gitattributes'), 'utf8')).toMatch(/^dist\/\*\* -diff linguist-generated=true$/m);
  });
});

describe('writeTokenProblems', () => {
  const gate = workflows['agent-pr-gate.yml']!;
  const withSteps = (extra: Step[], on: Yaml = gate.on as Yaml): Yaml => ({ ...gate, on, jobs: { gate: { ...(gate.jobs as Yaml).gate as Yaml, steps: extra } } });

  it('finds a checkout of the PR head, a run of the head ref, and a write token on pull_request', () => {
    expect(writeTokenProblems(withSteps([{ uses: 'actions/checkout@v5', with: { ref: '${{ github.event.pull_request.head.sha }}' } }]))).toEqual([
      'job gate step 1: checks out a ref of its own choosing (${{ github.event.pull_request.head.sha }}) with a write token',
      "job gate step 1: refers to a pull request's head with a write token",
    ]);
    expect(writeTokenProblems(withSteps([{ run: 'git fetch origin "refs/pull/${{ github.event.number }}/head" && npm test' }]))).toEqual([
      "job gate step 1: refers to a pull request's head with a write token",
    ]);
    expect(writeTokenProblems(withSteps([{ run: 'echo ${{ github.event.workflow_run.head_sha }}' }]))).toEqual([
      "job gate step 1: refers to a pull request's head with a write token",
    ]);
    expect(writeTokenProblems(withSteps([{ uses: './' }], { pull_request_review: { types: ['submitted'] } }))).toEqual([
      "job gate: has a write token on pull_request_review, which runs the pull request's own workflow file",
    ]);
  });

  it('lets a read-only workflow check out whatever it tests', () => {
    const readOnly = { ...withSteps([{ uses: 'actions/checkout@v5', with: { ref: '${{ github.event.pull_request.head.sha }}' } }], { pull_request: null }), permissions: { contents: 'read' } };
    expect(writeTokenProblems(readOnly)).toEqual([]);
    const undeclared = { ...readOnly, permissions: undefined };
    expect(writeTokenProblems(undeclared)[0]).toBe('job gate: declares no permissions (the default token may write)');
  });
});
