import {
  ALICE,
  BOB,
  CAROL,
  COPILOT,
  addedPatch,
  at,
  commitBy,
  sha,
  typicalScenario,
  type FakeActor,
  type FakeFile,
  type FakeIssueComment,
  type FakeReview,
  type FakeReviewComment,
  type FakeScenario,
} from './scenario.js';

/**
 * The SPEC §9 large PR: 3000 listed files of 3500 changed (GitHub's file cap), 250 commits,
 * 300 reviews (with 200 inline comments), 500 conversation comments. Deterministic.
 */
export function largeScenario(options: { listedFiles?: number; totalFiles?: number } = {}): FakeScenario {
  const listed = options.listedFiles ?? 3000;
  const total = options.totalFiles ?? 3500;
  const humans: FakeActor[] = [BOB, CAROL, ...Array.from({ length: 8 }, (_, i) => ({ login: `dev${i}`, id: 2000 + i, type: 'User' as const }))];

  const files: FakeFile[] = Array.from({ length: listed }, (_, i) => {
    const lines = [`export const value${i} = ${i};`, `export function f${i}(x: number) {`, `  return x + ${i};`, '}'];
    return { filename: `src/module${Math.floor(i / 50)}/file${i}.ts`, status: 'added', additions: lines.length, deletions: 0, patch: addedPatch(lines) };
  });

  const commits = Array.from({ length: 250 }, (_, i) => commitBy(i % 25 === 24 ? BOB : COPILOT, 10 + i * 5, 10_000 + i, `Step ${i}`));
  const head = commits.at(-1)?.sha ?? sha(1);

  const reviews: FakeReview[] = Array.from({ length: 300 }, (_, i) => {
    const user = humans[i % humans.length] ?? BOB;
    const state = i === 299 ? 'APPROVED' : i % 10 === 0 ? 'CHANGES_REQUESTED' : 'COMMENTED';
    return { id: 50_000 + i, user, state, submitted_at: at(100 + i * 3), commit_id: i === 299 ? head : commits[Math.min(i, 249)]?.sha ?? head, body: `Review ${i}` };
  });
  const reviewComments: FakeReviewComment[] = Array.from({ length: 200 }, (_, i) => ({
    id: 60_000 + i,
    review_id: 50_000 + (i % 300),
    user: humans[i % humans.length] ?? BOB,
    created_at: at(100 + (i % 300) * 3),
    path: files[i]?.filename ?? 'src/a.ts',
    line: 2,
  }));
  const comments: FakeIssueComment[] = Array.from({ length: 500 }, (_, i) => ({
    id: 70_000 + i,
    user: i % 5 === 0 ? COPILOT : humans[i % humans.length] ?? ALICE,
    body: `Comment ${i}: please also handle case ${i}.`,
    created_at: at(50 + i),
    updated_at: at(50 + i),
  }));

  return typicalScenario({
    files,
    totalFiles: total,
    commits,
    totalCommits: 250,
    reviews,
    reviewComments,
    comments,
    pr: { ...typicalScenario().pr, title: 'Rewrite every module', head: { ref: 'copilot/rewrite', sha: head } },
  });
}
