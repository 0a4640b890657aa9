import type { Actor, PrSnapshot } from '../snapshot.js';

/**
 * Example pull requests bundled with the CLI: `npm start` runs the real gate on the first one, and
 * scripts/preview.ts renders the comment of each. They are written for this project in the shapes
 * the GitHub adapter produces; names and repositories are made up.
 */
export interface Example {
  name: string;
  description: string;
  snapshot: PrSnapshot;
  /** The policy file on the base commit, or null for "no file" (the default preset). */
  policyText: string | null;
  /** Evaluation time. */
  now: string;
}

const COPILOT: Actor = { login: 'Copilot', id: 198982749, type: 'Bot' };
const ALICE: Actor = { login: 'alice-dev', id: 5123401, type: 'User' };
const BOB: Actor = { login: 'bob-reviewer', id: 5123402, type: 'User' };
const ACTIONS: Actor = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
const COPILOT_REVIEWER: Actor = { login: 'copilot-pull-request-reviewer[bot]', id: 175728472, type: 'Bot' };

const HEAD = '9f1c2e7a5b3d4c6e8f0a1b2c3d4e5f6a7b8c9d0e';
const FIRST = '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b';

const copilotIdentity = { name: 'copilot-swe-agent[bot]', email: '198982749+Copilot@users.noreply.github.com', user: COPILOT };

const packageJsonPatch = [
  '@@ -18,9 +18,10 @@',
  '   "dependencies": {',
  '     "express": "^4.19.2",',
  '+    "lodash": "^4.17.21",',
  '     "zod": "^3.23.8"',
  '   },',
  '   "devDependencies": {',
  '-    "vitest": "^1.6.0"',
  '+    "vitest": "^2.1.9"',
  '   }',
  ' }',
].join('\n');

const workflowPatch = [
  '@@ -12,7 +12,9 @@ jobs:',
  '     steps:',
  '       - uses: actions/checkout@v4',
  '       - uses: actions/setup-node@v4',
  '+        with:',
  '+          node-version: 22',
  '       - run: npm ci',
  '-      - run: npm test',
  '+      - run: npm test -- --coverage',
].join('\n');

const sourcePatch = [
  '@@ -1,6 +1,7 @@',
  " import express from 'express';",
  "+import { debounce } from 'lodash';",
  " import { z } from 'zod';",
  ' ',
  ' const app = express();',
  '@@ -40,6 +41,10 @@ app.post(\'/search\', (req, res) => {',
  '   const query = QuerySchema.parse(req.body);',
  '-  res.json(search(query));',
  '+  const run = debounce(() => res.json(search(query)), 50);',
  '+  run();',
  '+  // Debounced to keep bursts of identical searches from hitting the index.',
  '+  // See the issue for the measurements.',
  ' });',
].join('\n');

const copilotPr: PrSnapshot = {
  repo: { owner: 'acme', name: 'search-service' },
  number: 418,
  title: 'Debounce identical search requests',
  body: [
    'Debounces identical search requests so bursts from the UI do not hit the index.',
    '',
    '- adds `lodash` for `debounce`',
    '- runs the tests with coverage on Node 22 in CI',
    '',
    'Fixes #402.',
    '',
    '<!-- START COPILOT CODING AGENT TIPS -->',
  ].join('\n'),
  url: 'https://github.com/acme/search-service/pull/418',
  state: 'open',
  draft: false,
  author: COPILOT,
  createdAt: '2026-03-02T09:14:00Z',
  mergedAt: null,
  closedAt: null,
  headRef: 'copilot/debounce-search',
  headSha: HEAD,
  baseRef: 'main',
  baseSha: '0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c',
  fromFork: false,
  labels: [],
  assignees: [ALICE, COPILOT],
  totals: { files: 3, additions: 9, deletions: 3, commits: 2 },
  files: [
    { path: '.github/workflows/ci.yml', previousPath: null, status: 'modified', additions: 3, deletions: 1, patch: workflowPatch },
    { path: 'package.json', previousPath: null, status: 'modified', additions: 2, deletions: 1, patch: packageJsonPatch },
    { path: 'src/server.ts', previousPath: null, status: 'modified', additions: 5, deletions: 1, patch: sourcePatch },
  ],
  commits: [
    {
      sha: FIRST,
      message: 'Initial plan for issue',
      author: copilotIdentity,
      committer: copilotIdentity,
      authoredAt: '2026-03-02T09:14:30Z',
      committedAt: '2026-03-02T09:14:30Z',
      parents: 1,
    },
    {
      sha: HEAD,
      message: 'Debounce identical search requests\n\nCo-authored-by: alice-dev <5123401+alice-dev@users.noreply.github.com>',
      author: copilotIdentity,
      committer: copilotIdentity,
      authoredAt: '2026-03-02T09:31:00Z',
      committedAt: '2026-03-02T09:31:00Z',
      parents: 1,
    },
  ],
  reviews: [
    {
      id: 3001,
      author: COPILOT_REVIEWER,
      state: 'COMMENTED',
      dismissed: false,
      submittedAt: '2026-03-02T09:40:00Z',
      commitSha: HEAD,
      body: 'Copilot reviewed 3 out of 3 changed files in this pull request.',
    },
    {
      id: 3002,
      author: ALICE,
      state: 'APPROVED',
      dismissed: false,
      submittedAt: '2026-03-02T10:05:00Z',
      commitSha: HEAD,
      body: 'LGTM',
    },
  ],
  reviewComments: [{ id: 4001, author: BOB, createdAt: '2026-03-02T10:20:00Z', path: 'src/server.ts', line: 44 }],
  comments: [
    {
      id: 5001,
      author: BOB,
      body: 'Do we really need all of lodash for one debounce?',
      createdAt: '2026-03-02T10:18:00Z',
      updatedAt: '2026-03-02T10:18:00Z',
      url: 'https://github.com/acme/search-service/pull/418#issuecomment-5001',
    },
  ],
  timeline: [
    { type: 'assigned', actor: ALICE, createdAt: '2026-03-02T09:13:00Z', subject: COPILOT },
    { type: 'copilot_work_started', actor: COPILOT, createdAt: '2026-03-02T09:14:10Z' },
    { type: 'copilot_work_finished', actor: COPILOT, createdAt: '2026-03-02T09:32:00Z' },
    { type: 'review_requested', actor: COPILOT, createdAt: '2026-03-02T09:32:05Z', subject: ALICE },
  ],
  base: { policy: { path: '.github/agent-pr-gate.yml', text: null }, codeowners: null },
  viewer: ACTIONS,
  lookups: { permissions: {}, teams: {} },
  incomplete: [],
};

export const EXAMPLES: Example[] = [
  {
    name: 'copilot-dependency-and-workflow',
    description: 'A Copilot coding agent PR that adds lodash and edits the CI workflow; only the requester approved.',
    snapshot: copilotPr,
    policyText: null,
    now: '2026-03-02T11:00:00Z',
  },
  {
    name: 'copilot-approved-by-reviewer',
    description: 'The same PR after a second human approved the head commit.',
    snapshot: {
      ...copilotPr,
      reviews: [
        ...copilotPr.reviews,
        {
          id: 3003,
          author: BOB,
          state: 'APPROVED',
          dismissed: false,
          submittedAt: '2026-03-02T10:40:00Z',
          commitSha: HEAD,
          body: 'Fine, lodash is already in the lockfile of the UI.',
        },
      ],
    },
    policyText: null,
    now: '2026-03-02T11:00:00Z',
  },
  {
    name: 'copilot-strict-policy',
    description: 'The same PR under a policy that denies workflow edits from agents.',
    snapshot: copilotPr,
    policyText: 'extends: strict\n',
    now: '2026-03-02T11:00:00Z',
  },
  {
    name: 'human-pr',
    description: 'A PR written by a person: not gated.',
    snapshot: {
      ...copilotPr,
      number: 419,
      url: 'https://github.com/acme/search-service/pull/419',
      title: 'Fix typo in README',
      body: 'Small typo fix.',
      author: BOB,
      headRef: 'fix-readme-typo',
      assignees: [],
      timeline: [],
      commits: copilotPr.commits.map((c) => ({
        ...c,
        message: 'Fix typo',
        author: { name: 'Bob', email: 'bob@acme.example', user: BOB },
        committer: { name: 'Bob', email: 'bob@acme.example', user: BOB },
      })),
    },
    policyText: null,
    now: '2026-03-02T11:00:00Z',
  },
];
