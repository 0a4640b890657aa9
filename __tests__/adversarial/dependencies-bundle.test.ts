import { describe, expect, it } from 'vitest';
import { BASE_SHA, typicalScenario } from '../fake-github/scenario.js';
import { useGateRuns } from '../e2e/run-action.js';
import { insertAfter, PACKAGE_JSON, patchOf, PYPROJECT } from './dependencies-cases.js';
import { DENY_POLICY_YAML } from './harness.js';

/**
 * The dependency evasions end to end: `node dist/index.js` against the fake API, on an
 * approved Copilot PR under a policy that denies dependencies. The run has no manifest contents
 * here, so these hold on the hunk reader alone (docs/dependencies.md).
 */

const { gate } = useGateRuns();

function pkgWith(...lines: string[]): string {
  const all = PACKAGE_JSON.split('\n');
  all.splice(all.length - 2, 1, '  },', ...lines);
  return all.join('\n');
}

const CASES: { name: string; path: string; base: string | null; head: string; header?: string }[] = [
  { name: 'a second optionalDependencies key, { on the next line', path: 'package.json', base: PACKAGE_JSON, head: pkgWith('  "optionalDependencies":', '  {', '    "evil-pkg": "1.0.0"', '  }') },
  { name: 'a dependency named like a package.json field', path: 'package.json', base: PACKAGE_JSON, head: insertAfter(PACKAGE_JSON, '    "undici": "6.19.2",', '    "main": "1.0.0",') },
  { name: '"postinstall": "npx -y x@latest"', path: 'package.json', base: PACKAGE_JSON, head: insertAfter(PACKAGE_JSON, '    "build": "tsc",', '    "postinstall": "npx -y x@latest",') },
  { name: 'RUN pip install \\ with the package on the next line', path: 'Dockerfile', base: 'FROM python:3.12', head: 'FROM python:3.12\nRUN pip install \\\n    evil-pkg' },
  { name: 'a pyproject dev extra whose hunk header names the section', path: 'pyproject.toml', base: PYPROJECT, head: insertAfter(PYPROJECT, '    "coverage>=7",', '    "evil-pkg",'), header: '[project.optional-dependencies]' },
  { name: 'a new dev-requirements.txt', path: 'dev-requirements.txt', base: null, head: 'evil-pkg==1.0.0' },
  { name: 'bunx in a setup script', path: 'scripts/setup.sh', base: '#!/bin/sh', head: '#!/bin/sh\nbunx evil-cli init' },
];

describe('dependencies evasions through the bundle', () => {
  it.each(CASES)('$name fails', async (c) => {
    const scenario = typicalScenario();
    const patch = patchOf(c.base, c.head, c.header);
    const lines = patch.split('\n');
    scenario.files.push({
      filename: c.path,
      status: c.base === null ? 'added' : 'modified',
      additions: lines.filter((l) => l.startsWith('+')).length,
      deletions: lines.filter((l) => l.startsWith('-')).length,
      patch,
    });
    // The gate reads touched manifests whole at base and head: the fake API serves both texts.
    scenario.trees[BASE_SHA] = { '.github/agent-pr-gate.yml': DENY_POLICY_YAML, ...(c.base === null ? {} : { [c.path]: c.base }) };
    const head = scenario.pr.head.sha;
    scenario.trees[head] = { ...scenario.trees[head], [c.path]: c.head };
    const { run } = await gate(scenario);
    expect(run.outputs.verdict).toBe('fail');
    const report = JSON.parse(run.outputs.report ?? '') as { findings: { category: string; files: string[] }[] };
    expect(report.findings.some((f) => f.category === 'dependencies' && f.files.includes(c.path))).toBe(true);
  });
});
