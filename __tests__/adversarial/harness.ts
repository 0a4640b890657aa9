/**
 * The adversarial suite's shared harness (docs/security.md, "What an agent must not get past").
 * Each case is a change an agent could make to slip a finding past a policy that denies it. The
 * gate runs on a Copilot PR with a counted approval of the head commit already in place, so the
 * verdict can only be `fail` through a `deny` finding: an evasion that is not caught turns it into
 * `pass`. Every near-miss must give no finding of its category.
 */
import { loadPolicy } from '../../src/config/load-policy.js';
import type { CategoryId, Policy } from '../../src/config/policy.js';
import { evaluateGate } from '../../src/evaluate.js';
import type { GateResult } from '../../src/result.js';
import type { FileChange } from '../../src/snapshot.js';
import { copilotSnapshot, review, user } from '../factories.js';

export interface AdversarialCase {
  /** What the agent did, as a test name: "a second optionalDependencies key, `{` on the next line". */
  name: string;
  /** The category that must find it (evasions) or must stay silent (near-misses). */
  category: CategoryId;
  files: FileChange[];
  /** Whole manifests at base and head by path, passed to the gate as the manifests the pipeline read (null = absent). */
  contents?: Record<string, { base: string | null; head: string | null; error?: string }>;
}

/** Every category an agent could use at `deny`; hosts other than these two are outside the policy. */
export const DENY_POLICY_YAML = `extends: default
permissions:
  dependencies: deny
  network: deny
  workflows: deny
  secrets: deny
  tests-weakened: deny
network:
  allowed-hosts: ["github.com", "*.npmjs.org", "example.com"]
reviews:
  required-approvals: 1
`;

export function denyPolicy(yaml = DENY_POLICY_YAML): Policy {
  const loaded = loadPolicy(yaml, '.github/agent-pr-gate.yml');
  if (!loaded.ok) throw new Error(`deny policy does not load: ${JSON.stringify(loaded.errors)}`);
  return loaded.policy;
}

const HEAD = 'f'.repeat(40);

/** The whole gate on one case: a Copilot PR, approved by a human on its head commit. */
export function gateOn(c: Pick<AdversarialCase, 'files' | 'contents'>, policy: Policy = denyPolicy()): GateResult {
  const snapshot = copilotSnapshot({
    headSha: HEAD,
    files: c.files,
    reviews: [review(user('bob'), 'APPROVED', 30, { commitSha: HEAD })],
  });
  // Offline, as `evaluate --snapshot` runs: the manifests read beside the snapshot, or none (hunks only).
  const manifests = c.contents === undefined ? null : Object.entries(c.contents).map(([path, content]) => ({ path, ...content }));
  return evaluateGate(policy, snapshot, { now: new Date('2026-03-03T00:00:00Z'), manifests });
}

/** The findings of one category in a gate result. */
export function findingsOf(result: GateResult, category: CategoryId) {
  return result.findings.filter((f) => f.category === category);
}
