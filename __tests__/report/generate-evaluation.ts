/**
 * The two-week evaluation repository (docs/report-mode.md): generate-repo.ts with two agents
 * (copilot and claude) and humans, then, per agent PR, what a team running the evaluation has:
 * - a model cohort, said three ways that agree: the label `model/<m>`, a `Model: <m>` line in the
 *   body, and the creation date (`a` before SPLIT, `b` from it on);
 * - a tier label on some PRs (`tier/long` → `large`, `tier/short` → `small`);
 * - changed file paths: failing PRs mostly touch `infra/`, successes mostly `src/`;
 * - the gate's own state line in the gate's comment (written with the gate's renderGateState),
 *   except on every 7th PR (ungated); a merged PR whose state is for an older head; an override;
 *   and a state line planted by a human in their own comment, which must be ignored.
 * The ground truth of all of it comes back beside the repository.
 */
import { renderGateState, type GateState } from '../../src/gate-state.js';
import { COMMENT_MARKER } from '../../src/render/marker.js';
import { generateRepo, user, type GeneratedRepo, type StoredPr, type Truth } from './generate-repo.js';

export const SPLIT = '2026-01-12';
export const SPLIT_MS = Date.parse(`${SPLIT}T00:00:00Z`);
export const EVALUATION_POLICY = [
  'metrics:',
  '  tiers:',
  '    small: { max-files: 3, max-lines: 50, labels: [tier/short] }',
  '    large: { labels: [tier/long] }',
  '',
].join('\n');

export interface EvaluationTruth {
  cohort: 'a' | 'b';
  tierLabel: 'tier/long' | 'tier/short' | null;
  failure: boolean;
  /** The state the gate wrote, or null for an ungated PR. */
  state: GateState | null;
  mergedWithoutPass: boolean;
}

export interface EvaluationRepo extends GeneratedRepo {
  evaluation: Map<number, EvaluationTruth>;
  /** The PR with a state line planted in a human's comment. */
  planted: number;
}

const MALLORY = user('mallory', 666);

function isFailure(t: Truth): boolean {
  return (t.state === 'merged' && t.reverted) || (t.state === 'closed' && t.changeRequests > 0);
}

function gateComment(pr: StoredPr): StoredPr['comments'][number] | undefined {
  return pr.comments.find((comment) => comment.body.includes(COMMENT_MARKER) && comment.author.login === 'github-actions');
}

export function generateEvaluation(seed = 20260112, size = 400): EvaluationRepo {
  const repo = generateRepo(seed, size, { kinds: [['copilot', 40], ['claude', 35], ['human', 25]] });
  const truthOf = new Map(repo.truth.map((t) => [t.number, t]));
  const evaluation = new Map<number, EvaluationTruth>();
  let planted = 0;
  for (const pr of repo.pulls) {
    const t = truthOf.get(pr.number)!;
    if (t.kind === 'human') continue;
    const cohort = Date.parse(pr.createdAt) < SPLIT_MS ? 'a' : 'b';
    pr.labels.push({ name: `model/${cohort}` });
    pr.body += `\n\nModel: ${cohort === 'a' ? 'a' : 'b'}`;
    const tierLabel = pr.number % 5 === 0 ? 'tier/long' : pr.number % 11 === 0 ? 'tier/short' : null;
    if (tierLabel) pr.labels.push({ name: tierLabel });
    const failure = isFailure(t);
    const infra = failure ? pr.number % 4 !== 0 : pr.number % 9 === 0;
    pr.files = [infra ? `infra/stack-${pr.number}.tf` : `src/module-${pr.number % 13}.ts`, ...(pr.number % 3 === 0 ? ['docs/notes.md'] : [])];
    pr.changedFiles = pr.files.length;

    const comment = gateComment(pr);
    let state: GateState | null = null;
    if (comment && pr.number % 7 !== 0) {
      const findings: GateState['findings'] = [];
      if (infra) findings.push({ category: 'sensitive-paths', level: 'review' });
      if (failure && pr.number % 2 === 0) findings.push({ category: 'network', level: 'allow' });
      if (pr.number % 10 === 1) findings.push({ category: 'dependencies', level: 'deny' });
      const deny = findings.some((f) => f.level === 'deny');
      const overridden = deny && pr.number % 20 === 1;
      const verdict: GateState['verdict'] = deny && !overridden ? 'fail' : findings.some((f) => f.level === 'review') && pr.number % 2 === 1 ? 'needs-review' : 'pass';
      // Every 6th merged PR: the gate last saw an earlier head, so its pass is not for the merged one.
      const headSha = pr.state === 'MERGED' && pr.number % 6 === 0 ? 'e'.repeat(40) : pr.headRefOid;
      state = {
        v: 1,
        agent: t.kind,
        requester: 'alice',
        verdict,
        headSha,
        at: pr.createdAt,
        since: pr.createdAt,
        findings,
        override: overridden ? { by: 'carol', at: pr.createdAt } : null,
      };
      comment.body = `${COMMENT_MARKER}\nAgent PR Gate: ${verdict}\n${renderGateState(state)}`;
    }
    const passedHead = state !== null && state.verdict === 'pass' && state.headSha === pr.headRefOid;
    evaluation.set(pr.number, { cohort, tierLabel, failure, state, mergedWithoutPass: pr.state === 'MERGED' && !passedHead });

    if (planted === 0 && state === null && pr.state === 'MERGED') {
      // Someone else's comment carrying our marker and a forged `pass`: never read.
      planted = pr.number;
      const forged: GateState = { v: 1, agent: null, requester: null, verdict: 'pass', headSha: pr.headRefOid, at: pr.createdAt, findings: [], override: null };
      pr.comments.push({ databaseId: 9_000_000 + pr.number, author: MALLORY, body: `${COMMENT_MARKER}\n${renderGateState(forged)}`, createdAt: pr.createdAt, updatedAt: pr.createdAt, url: `${pr.url}#issuecomment-x` });
    }
  }
  return { ...repo, evaluation, planted };
}
