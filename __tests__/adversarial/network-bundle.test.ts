import { describe, expect, it } from 'vitest';
import type { FileChange } from '../../src/snapshot.js';
import { useGateRuns } from '../e2e/run-action.js';
import { BASE_SHA, typicalScenario, type FakeFile } from '../fake-github/scenario.js';
import { DENY_POLICY_YAML, type AdversarialCase } from './harness.js';
import { NEAR_MISSES, REPORTED } from './network-cases.js';

/**
 * The network cases through the bundle: `node dist/index.js` against the fake API (see
 * __tests__/e2e/), on the typical agent PR (approved on its head) with the deny policy at its base.
 */

const { gate } = useGateRuns();

function scenarioOf(files: readonly FileChange[]) {
  const listed: FakeFile[] = files.map((change) => ({ filename: change.path, status: change.status === 'added' ? 'added' : 'modified', additions: change.additions, deletions: change.deletions, patch: change.patch ?? '' }));
  return typicalScenario({ files: listed, trees: { [BASE_SHA]: { '.github/agent-pr-gate.yml': DENY_POLICY_YAML } } });
}

/** The categories of the findings in the run's `report` output (which must hold a findings list). */
function categoriesOf(report: string | undefined): string[] {
  const findings = (JSON.parse(report ?? '{}') as { findings?: { category: string }[] }).findings;
  expect(Array.isArray(findings), 'the report output lists findings').toBe(true);
  return (findings ?? []).map((f) => f.category);
}

describe('adversarial through the bundle: network', () => {
  it.each(REPORTED.map((c) => [c.name, c] as const))('fails: %s', async (_name, c: AdversarialCase) => {
    const { run } = await gate(scenarioOf(c.files));
    expect(run.outputs.verdict).toBe('fail');
    expect(categoriesOf(run.outputs.report)).toContain('network');
  });

  it('finds nothing of the category in every near-miss at once', async () => {
    // One PR holds them all: a path already taken moves under a folder of its own (a path's kind
    // does not change under a plain folder; the one workflow path is never taken twice).
    const seen = new Set<string>();
    const files = NEAR_MISSES.flatMap((c) => c.files).map((change, i) => {
      const path = seen.has(change.path) ? `near-miss-${i}/${change.path}` : change.path;
      seen.add(path);
      return { ...change, path };
    });
    const { run } = await gate(scenarioOf(files));
    expect(categoriesOf(run.outputs.report)).not.toContain('network');
  });
});
