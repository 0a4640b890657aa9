import { describe, expect, it } from 'vitest';
import { ALICE, BASE_SHA, addedFile, at, typicalScenario } from '../fake-github/scenario.js';
import { COMMENT_MARKER } from '../../src/render/render-comment.js';
import { pullRequestPayload, runAction, useGateRuns } from './run-action.js';

/** End to end: the trust boundaries of docs/security.md, through `node dist/index.js`. */

const { gate, startFake } = useGateRuns();

const FAKE_AWS_KEY = ['AKIA', 'Q3EGRP7LZ2MN4HXB'].join('');

/**
 * Every line of the child's output the runner would read as a workflow command: `::` after leading
 * blanks, or else the older `##[` form anywhere in the line.
 */
function commandLines(stdout: string): string[] {
  return stdout.split(/\r\n|[\r\n]/).filter((line) => /^\s*::/.test(line) || line.includes('##['));
}

describe('the run log', () => {
  it('takes no workflow command from a file name', async () => {
    const path = 'src/a\n::error title=Pwned::owned\n::stop-commands::tok\n%0A::warning::encoded ##[error]x.ts';
    const scenario = typicalScenario();
    scenario.files.push(addedFile(path, [`const key = "${FAKE_AWS_KEY}";`]));
    const { run } = await gate(scenario);
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    const commands = commandLines(run.stdout);
    expect(commands.length).toBeGreaterThan(0);
    // Only the annotations and the failure we mean: each starts with our own `::error ` + properties or message.
    for (const line of commands) expect(line).toMatch(/^::(error|warning|notice)( title=Agent PR Gate%3A [^:]*)?::(agent-pr-gate: |adds )/);
    expect(run.stdout).not.toMatch(/^\s*::(stop-commands|warning::encoded)/m);
    expect(run.annotations.map((annotation) => annotation.properties.split(',')[0])).not.toContain('title=Pwned');
    expect(run.stdout).toContain('fail (copilot): denied: adds 1 possible secret (AWS access key ID) in src/a\\n::error title=Pwned::owned\\n::stop-commands::tok\\n%0A::warning::encoded #\\u{23}[error]');
  });
});

describe('the override label', () => {
  it('does not count when the requester applies it, even as an admin, and the comment says why', async () => {
    const scenario = typicalScenario();
    scenario.files.push(addedFile('deploy/env.ts', [`const key = "${FAKE_AWS_KEY}";`]));
    const label = 'agent-pr-gate/override';
    scenario.pr.labels = [label];
    scenario.timeline.push({ event: 'labeled', actor: ALICE, created_at: at(40), label });
    expect(scenario.permissions.alice).toBe('admin');
    const { run, fake } = await gate(scenario, { payload: pullRequestPayload(scenario, 'labeled') });
    expect(run.outputs.verdict).toBe('fail');
    expect(run.code).toBe(1);
    expect(fake.writes.statuses.map((status) => status.state)).toEqual(['failure']);
    expect(fake.writes.comments[0]?.body).toContain(
      'override label `agent-pr-gate/override` applied by alice, the requester: does not count',
    );
  });
});

describe('an invalid policy the YAML library refuses', () => {
  const BOMB = ['bots: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((name, i) => `k${name}: &${name} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`), ''].join('\n');

  it.each([
    ['an alias bomb', BOMB, '.github/agent-pr-gate.yml:2:9: YAML aliases expand to more than 100 copies', 'line=2,col=9'],
    ['two documents', 'extends: default\n---\nextends: strict\n', '.github/agent-pr-gate.yml:2:1: a policy file holds one YAML document', 'line=2,col=1'],
  ])('%s takes the policy-error path: error status, located annotation, exit 1', async (_name, text, located, position) => {
    const scenario = typicalScenario();
    scenario.trees[BASE_SHA] = { '.github/agent-pr-gate.yml': text };
    const { run, fake } = await gate(scenario);
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe('');
    expect(fake.writes.statuses.map((status) => status.state)).toEqual(['error']);
    expect(fake.writes.statuses[0]?.description).toMatch(new RegExp(`^policy error: ${located.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const annotation = run.annotations.find((a) => a.level === 'error' && a.properties.includes('file=.github/agent-pr-gate.yml'));
    expect(annotation?.properties).toContain(position);
    expect(run.summary).toContain(located);
    expect(fake.writes.comments).toEqual([]);
  });
});

describe('two runs started at the same moment (no concurrency group)', () => {
  // Both read the PR before either comment exists: the fake holds each creation for 400 ms, as a
  // slow API would, so the second run's read always lands before the first run's comment.
  it.each(Array.from({ length: 10 }, (_, round) => [round + 1]))('leave one comment (round %i)', async () => {
    const scenario = typicalScenario();
    scenario.reviews = [];
    const fake = await startFake(scenario, { faults: [{ kind: 'slow', delayMs: 400, times: 2, when: { method: 'POST', path: /\/issues\/42\/comments$/ } }] });
    const options = { event: 'pull_request_target', payload: pullRequestPayload(scenario) };
    const runs = await Promise.all([runAction(fake, options), runAction(fake, options)]);
    expect(runs.map((run) => [run.code, run.outputs.verdict])).toEqual([
      [1, 'needs-review'],
      [1, 'needs-review'],
    ]);
    expect(fake.writes.comments.filter((write) => write.action === 'create')).toHaveLength(2);
    const ours = fake.scenario.comments.filter((comment) => comment.body.includes(COMMENT_MARKER));
    expect(ours).toHaveLength(1);
    const [kept] = ours;
    // The oldest stays; both runs point their status and output at it.
    expect(kept?.id).toBe(Math.min(...fake.writes.comments.filter((write) => write.action === 'create').map((write) => write.id)));
    expect(runs.map((run) => run.outputs['comment-url'])).toEqual([expect.stringMatching(new RegExp(`#issuecomment-${kept?.id}$`)), expect.stringMatching(new RegExp(`#issuecomment-${kept?.id}$`))]);
    expect(fake.writes.comments.filter((write) => write.action === 'delete').map((write) => write.id)).toEqual([kept ? kept.id + 1 : -1]);
  });

  it('an existing comment still costs one PATCH and no list', async () => {
    const first = await gate(typicalScenario());
    first.fake.resetLog();
    first.fake.scenario.reviews = [];
    const again = await runAction(first.fake, { event: 'pull_request_target', payload: pullRequestPayload(first.fake.scenario) });
    expect(again.outputs.verdict).toBe('needs-review');
    const commentRequests = first.fake.requests.filter((request) => request.path.includes('/comments'));
    expect(commentRequests.map((request) => request.method)).toEqual(['PATCH']);
  });
});

describe('a crafted diff', () => {
  it('does not stall the job: 20 Dockerfiles of 40,000-character lines are judged in seconds, not minutes', async () => {
    // Shapes that once made an install-command pattern quadratic (38 s for these 20 files).
    const shapes = [(n: number) => `RUN npm install ${')'.repeat(n)}a`, (n: number) => `RUN pip install ${'",'.repeat(n / 2)}a \\`, (n: number) => `RUN curl ${'|'.repeat(n)}`, (n: number) => 'RUN npx -y '.repeat(n / 11)];
    const scenario = typicalScenario();
    for (let index = 0; index < 20; index++) scenario.files.push(addedFile(`svc${index}/Dockerfile`, [(shapes[index % shapes.length] ?? String)(40_000), 'RUN echo done']));
    const started = Date.now();
    const { run } = await gate(scenario);
    // A generous bound, far from the quadratic time and far above a normal run on a loaded machine.
    expect(Date.now() - started).toBeLessThan(15_000);
    const report = JSON.parse(run.outputs.report ?? '') as { findings: Array<{ category: string }> };
    expect(report.findings.map((finding) => finding.category)).toContain('dependencies');
  });
});
