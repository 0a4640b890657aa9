import { describe, expect, it } from 'vitest';
import { COMMENT_MARKER, formatDuration, MAX_COMMENT_LENGTH, renderComment } from '../../src/render/render-comment.js';
import type { Finding } from '../../src/result.js';
import { finding, gateResult, location, metrics, requirement, reviewStatus } from './result-factory.js';

describe('renderComment', () => {
  it('renders a pass', () => {
    const body = renderComment(
      gateResult({
        findings: [finding({ category: 'dependencies', level: 'allow', satisfied: true, message: 'updates vitest 4.1.11 → 4.1.12', files: ['package.json'] })],
      }),
    );
    expect(body).toMatchInlineSnapshot(`
      "<!-- agent-pr-gate -->
      ### ✅ Pass — All checks passed: 1 approval from bob.

      **Agent:** GitHub Copilot coding agent (\`copilot\`) · **Requester:** alice (assigned the agent)  
      **Signals:** \`author:Copilot\` · \`branch:copilot/fix-widget\`

      #### Permission findings
      | Category | Level | What | Status |
      |---|---|---|---|
      | dependencies | allow | updates vitest 4.1.11 → 4.1.12<br>[package.json](https://github.com/acme/widgets/blob/3f2c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a/package.json) | ✅ allowed |

      #### Reviews
      - [x] 1 approval — approved by bob

      #### Metrics
      | Metric | Value |
      |---|---|
      | Commits (agent / human) | 3 / 1 |
      | Interventions | 5 (1 human commit, 1 change request, 2 review comments, 1 comment) |
      | Rework cycles | 1 |
      | Rework time | 2 h |
      | Force pushes | 0 |
      | Time to first human review | 1 h 30 min |
      | End to end | 1 d (open, so far) |
      | Size | medium · 7 files, +180 −20 |

      <sub>Agent PR Gate · [\\#42](https://github.com/acme/widgets/pull/42) Fix the widget · evaluated head [\`3f2c1b0\`](https://github.com/acme/widgets/commit/3f2c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a) at 2026-03-02 11:30 UTC</sub>"
    `);
  });

  it('renders a needs-review with who can unblock it and the approvals that did not count', () => {
    const body = renderComment(
      gateResult({
        verdict: 'needs-review',
        summary: 'Needs review: an approval from @acme/platform for sensitive-paths (infra/main.tf).',
        findings: [
          finding({
            category: 'sensitive-paths',
            level: 'review',
            message: 'changes infra/main.tf',
            files: ['infra/main.tf'],
            locations: [location('infra/main.tf', 12, 'instance_type = "m5.24xlarge"')],
            reviewers: ['@acme/platform', 'carol'],
          }),
          finding({ category: 'dependencies', level: 'review', satisfied: true, message: 'adds lodash@4.17.21', files: ['package.json'], locations: [location('package.json', 14, '"lodash": "^4.17.21"')] }),
        ],
        reviews: reviewStatus({
          counted: ['bob'],
          ignored: [
            { login: 'alice', reason: 'requester', detail: 'requested the change' },
            { login: 'dave', reason: 'stale', detail: 'approved an older commit (9e8d7c6)' },
          ],
          requirements: [
            requirement({ description: '1 approval', satisfied: true, satisfiedBy: ['bob'] }),
            requirement({ description: 'approval from @acme/platform for sensitive-paths', candidates: ['@acme/platform', 'carol'] }),
          ],
        }),
      }),
    );
    expect(body).toMatchInlineSnapshot(`
      "<!-- agent-pr-gate -->
      ### 🟡 Needs review — Needs review: an approval from @‍acme/platform for sensitive-paths \\(infra/main.tf\\).

      **To unblock:** approval from @‍acme/platform for sensitive-paths, not from alice (the requester). Approvals count on the head commit \`3f2c1b0\` only.

      **Agent:** GitHub Copilot coding agent (\`copilot\`) · **Requester:** alice (assigned the agent)  
      **Signals:** \`author:Copilot\` · \`branch:copilot/fix-widget\`

      #### Permission findings
      | Category | Level | What | Status |
      |---|---|---|---|
      | sensitive-paths | review | changes infra/main.tf<br>[infra/main.tf:12](https://github.com/acme/widgets/blob/3f2c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a/infra/main.tf#L12) | ⏳ needs approval from \`@acme/platform\`, \`carol\` |
      | dependencies | review | adds lodash@4.17.21<br>[package.json:14](https://github.com/acme/widgets/blob/3f2c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a/package.json#L14) | ✅ approved |

      **Offending lines**
      - [infra/main.tf:12](https://github.com/acme/widgets/blob/3f2c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a/infra/main.tf#L12) · sensitive-paths — \`instance_type = "m5.24xlarge"\`
      - [package.json:14](https://github.com/acme/widgets/blob/3f2c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a/package.json#L14) · dependencies — \`"lodash": "^4.17.21"\`

      #### Reviews
      - [x] 1 approval — approved by bob
      - [ ] approval from @‍acme/platform for sensitive-paths — can be given by \`@acme/platform\`, \`carol\`

      **Approvals not counted**
      - alice — requested the change
      - dave — approved an older commit \\(9e8d7c6\\)

      #### Metrics
      | Metric | Value |
      |---|---|
      | Commits (agent / human) | 3 / 1 |
      | Interventions | 5 (1 human commit, 1 change request, 2 review comments, 1 comment) |
      | Rework cycles | 1 |
      | Rework time | 2 h |
      | Force pushes | 0 |
      | Time to first human review | 1 h 30 min |
      | End to end | 1 d (open, so far) |
      | Size | medium · 7 files, +180 −20 |

      <sub>Agent PR Gate · [\\#42](https://github.com/acme/widgets/pull/42) Fix the widget · evaluated head [\`3f2c1b0\`](https://github.com/acme/widgets/commit/3f2c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a) at 2026-03-02 11:30 UTC</sub>"
    `);
  });

  it('says how to unblock: which denied changes to remove, or the override label', () => {
    const body = renderComment(
      gateResult({
        verdict: 'fail',
        summary: 'denied: edits .github/workflows/ci.yml (workflows)',
        overrideLabel: 'agent-pr-gate/override',
        findings: [finding({ category: 'workflows', level: 'deny', message: 'edits .github/workflows/ci.yml' })],
      }),
    );
    expect(body.split('\n')[3]).toBe(
      '**To unblock:** remove the denied change (workflows) from the PR, or an admin or maintainer (not the author or requester) can waive it with the `agent-pr-gate/override` label, applied after the latest push.',
    );
  });

  it('lists at most three unblocking steps', () => {
    const body = renderComment(
      gateResult({
        verdict: 'needs-review',
        reviews: reviewStatus({
          satisfied: false,
          requirements: ['a', 'b', 'c', 'd'].map((name) => requirement({ description: `approval from ${name}`, satisfied: false })),
        }),
      }),
    );
    expect(body).toContain('**To unblock:** approval from a; approval from b; 2 more (see Reviews)');
  });

  it('renders a fail on a denied change with its offending line', () => {
    const body = renderComment(
      gateResult({
        verdict: 'fail',
        summary: 'Fails: the agent changed a CI workflow (deny); remove the change or ask an admin for the override label.',
        findings: [
          finding({
            category: 'workflows',
            level: 'deny',
            message: 'changes .github/workflows/release.yml',
            locations: [location('.github/workflows/release.yml', 23, 'run: curl -fsSL https://get.example.sh | sh')],
          }),
          finding({ category: 'network', level: 'review', message: 'downloads piped to a shell', locations: [location('.github/workflows/release.yml', 23, 'run: curl -fsSL https://get.example.sh | sh')] }),
        ],
        reviews: reviewStatus({ changesRequestedBy: ['bob'] }),
        metrics: metrics({ timeToFirstHumanReview: null, reworkTime: null, reworkCycles: 0, endToEnd: 45 }),
      }),
    );
    expect(body).toMatchInlineSnapshot(`
      "<!-- agent-pr-gate -->
      ### ❌ Fail — Fails: the agent changed a CI workflow \\(deny\\); remove the change or ask an admin for the override label.

      **To unblock:** remove the denied change (workflows) from the PR.

      **Agent:** GitHub Copilot coding agent (\`copilot\`) · **Requester:** alice (assigned the agent)  
      **Signals:** \`author:Copilot\` · \`branch:copilot/fix-widget\`

      #### Permission findings
      | Category | Level | What | Status |
      |---|---|---|---|
      | workflows | deny | changes .github/workflows/release.yml<br>[.github/workflows/release.yml:23](https://github.com/acme/widgets/blob/3f2c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a/.github/workflows/release.yml#L23) | ❌ denied |
      | network | review | downloads piped to a shell<br>[.github/workflows/release.yml:23](https://github.com/acme/widgets/blob/3f2c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a/.github/workflows/release.yml#L23) | ⏳ needs approval |

      **Offending lines**
      - [.github/workflows/release.yml:23](https://github.com/acme/widgets/blob/3f2c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a/.github/workflows/release.yml#L23) · workflows, network — \`run: curl -fsSL https://get.example.sh | sh\`

      #### Reviews
      - [ ] 1 approval

      **Changes requested by:** bob

      #### Metrics
      | Metric | Value |
      |---|---|
      | Commits (agent / human) | 3 / 1 |
      | Interventions | 5 (1 human commit, 1 change request, 2 review comments, 1 comment) |
      | Rework cycles | 0 |
      | Rework time | — |
      | Force pushes | 0 |
      | Time to first human review | none yet from a reviewer other than the author or requester |
      | End to end | 45 s (open, so far) |
      | Size | medium · 7 files, +180 −20 |

      <sub>Agent PR Gate · [\\#42](https://github.com/acme/widgets/pull/42) Fix the widget · evaluated head [\`3f2c1b0\`](https://github.com/acme/widgets/commit/3f2c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a) at 2026-03-02 11:30 UTC</sub>"
    `);
  });

  it('renders a skipped PR as a short note that it is no longer gated and why', () => {
    const body = renderComment(
      gateResult({
        verdict: 'skipped',
        summary: 'Not an agent PR.',
        detection: { agent: null, agentName: null, requester: null, requesterSource: null, signals: [], reason: 'the `agent` label was removed by maintainer carol.' },
        findings: [],
        reviews: null,
        metrics: null,
      }),
    );
    expect(body).toMatchInlineSnapshot(`
      "<!-- agent-pr-gate -->
      ### ⏭️ Skipped — this PR is no longer gated: the \`agent\` label was removed by maintainer carol.

      <sub>Agent PR Gate · [\\#42](https://github.com/acme/widgets/pull/42) Fix the widget · evaluated head [\`3f2c1b0\`](https://github.com/acme/widgets/commit/3f2c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a) at 2026-03-02 11:30 UTC</sub>"
    `);
  });

  it('records an override: who applied it and when', () => {
    const body = renderComment(
      gateResult({
        verdict: 'pass',
        summary: 'Passes by override: agent-pr-gate/override applied by carol after the last push.',
        findings: [finding({ category: 'secrets', level: 'deny', satisfied: true, message: 'adds a file that looks like a key', files: ['certs/dev.pem'] })],
        reviews: reviewStatus({
          requirements: [requirement({ description: '1 approval', satisfied: true, satisfiedBy: [] })],
          override: { label: 'agent-pr-gate/override', by: 'carol', at: '2026-03-02T11:05:00Z' },
        }),
        metrics: metrics({ interventions: { humanCommits: 0, changeRequests: 0, reviewComments: 0, comments: 1, total: 1 } }),
      }),
    );
    expect(body).toMatchInlineSnapshot(`
      "<!-- agent-pr-gate -->
      ### ✅ Pass — Passes by override: agent-pr-gate/override applied by carol after the last push.

      **Agent:** GitHub Copilot coding agent (\`copilot\`) · **Requester:** alice (assigned the agent)  
      **Signals:** \`author:Copilot\` · \`branch:copilot/fix-widget\`

      #### Permission findings
      | Category | Level | What | Status |
      |---|---|---|---|
      | secrets | deny | adds a file that looks like a key<br>[certs/dev.pem](https://github.com/acme/widgets/blob/3f2c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a/certs/dev.pem) | ✅ overridden |

      #### Reviews
      - [x] 1 approval

      **Override:** \`agent-pr-gate/override\` applied by carol on 2026-03-02 11:05 UTC: deny findings and missing approvals are waived until the next push.

      #### Metrics
      | Metric | Value |
      |---|---|
      | Commits (agent / human) | 3 / 1 |
      | Interventions | 1 (0 human commits, 0 change requests, 0 review comments, 1 comment) |
      | Rework cycles | 1 |
      | Rework time | 2 h |
      | Force pushes | 0 |
      | Time to first human review | 1 h 30 min |
      | End to end | 1 d (open, so far) |
      | Size | medium · 7 files, +180 −20 |

      <sub>Agent PR Gate · [\\#42](https://github.com/acme/widgets/pull/42) Fix the widget · evaluated head [\`3f2c1b0\`](https://github.com/acme/widgets/commit/3f2c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a) at 2026-03-02 11:30 UTC</sub>"
    `);
  });

  it('truncates a giant result with notes and lists the incomplete data', () => {
    const locations = Array.from({ length: 3000 }, (_, i) => location(`src/generated/module-${i}.ts`, i + 1, `fetch("https://tracker-${i}.example.net/collect")`));
    const body = renderComment(
      gateResult({
        verdict: 'needs-review',
        summary: 'Needs review: 3000 network findings; the data is incomplete (files: 3000 of 3500 listed).',
        findings: [finding({ category: 'network', level: 'review', message: 'references hosts outside network.allowed-hosts', locations })],
        incomplete: [
          { kind: 'files', text: 'files: 3000 of 3500 listed' },
          { kind: 'commits', text: 'commits: 250 of 312 listed' },
          { kind: 'patches', text: 'patch missing for dist/bundle.js (too large)' },
        ],
      }),
    );
    expect(body.length).toBeLessThan(MAX_COMMENT_LENGTH);
    const lines = body.split('\n');
    expect(lines.slice(0, 12).join('\n')).toMatchInlineSnapshot(`
      "<!-- agent-pr-gate -->
      ### 🟡 Needs review — Needs review: 3000 network findings; the data is incomplete \\(files: 3000 of 3500 listed\\).

      **To unblock:** a reviewer approves after checking what the gate could not see (below). Approvals count on the head commit \`3f2c1b0\` only.

      **Agent:** GitHub Copilot coding agent (\`copilot\`) · **Requester:** alice (assigned the agent)  
      **Signals:** \`author:Copilot\` · \`branch:copilot/fix-widget\`

      #### Permission findings
      | Category | Level | What | Status |
      |---|---|---|---|
      | network | review | references hosts outside network.allowed-hosts<br>[src/generated/module-0.ts:1](https://github.com/acme/widgets/blob/3f2c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a/src/generated/module-0.ts#L1), [src/generated/module-1.ts:2](https://github.com/acme/widgets/blob/3f2c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a/src/generated/module-1.ts#L2), [src/generated/module-2.ts:3](https://github.com/acme/widgets/blob/3f2c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a/src/generated/module-2.ts#L3) +2997 more | ⏳ needs approval |"
    `);
    expect(lines.filter((line) => line.startsWith('_✂️'))).toMatchInlineSnapshot(`
      [
        "_✂️ 2723 more offending lines not shown: the comment is limited to 65,536 characters; the \`report\` output lists them all._",
      ]
    `);
    expect(body.slice(body.indexOf('#### ⚠️ Incomplete data'), body.indexOf('#### Metrics'))).toMatchInlineSnapshot(`
      "#### ⚠️ Incomplete data
      The gate could not see all of this PR, so it does not pass it on what it did not check:
      - files: 3000 of 3500 listed
      - commits: 250 of 312 listed
      - patch missing for dist/bundle.js \\(too large\\)

      "
    `);
  });
});

describe('renderComment: structure', () => {
  it('starts with the marker and shows the verdict with its sentence on the first visible line', () => {
    const lines = renderComment(gateResult({ verdict: 'needs-review', summary: 'Needs 1 approval.' })).split('\n');
    expect(lines[0]).toBe(COMMENT_MARKER);
    expect(lines[1]).toBe('### 🟡 Needs review — Needs 1 approval.');
  });

  it.each([
    ['pass', '✅ Pass'],
    ['needs-review', '🟡 Needs review'],
    ['fail', '❌ Fail'],
    ['skipped', '⏭️ Skipped'],
  ] as const)('marks %s with %s', (verdict, heading) => {
    expect(renderComment(gateResult({ verdict })).split('\n')[1]?.startsWith(`### ${heading} — `)).toBe(true);
  });

  it('links files at the head commit on the PR\'s own server (GitHub Enterprise)', () => {
    const body = renderComment(
      gateResult({
        pr: { number: 7, headSha: 'abcdef1234567890abcdef1234567890abcdef12', url: 'https://ghe.acme.internal/platform/infra/pull/7', title: 'x', repo: { owner: 'platform', name: 'infra' }, state: 'open' },
        findings: [finding({ locations: [location('deploy/main (copy).tf', 3)] })],
      }),
    );
    expect(body).toContain('[deploy/main \\(copy\\).tf:3](https://ghe.acme.internal/platform/infra/blob/abcdef1234567890abcdef1234567890abcdef12/deploy/main%20%28copy%29.tf#L3)');
  });

  it('collapses findings past the first ten into details', () => {
    const findings = Array.from({ length: 14 }, (_, i) => finding({ category: 'custom', rule: `rule-${i}`, message: `finding ${i}`, files: [`f${i}.ts`] }));
    const body = renderComment(gateResult({ verdict: 'needs-review', findings }));
    expect(body).toContain('<details><summary>4 more findings</summary>');
    expect(body.indexOf('finding 9')).toBeLessThan(body.indexOf('<details><summary>4 more findings'));
    expect(body.indexOf('finding 10')).toBeGreaterThan(body.indexOf('<details><summary>4 more findings'));
  });

  it('lists unmet deny findings first, then unmet reviews, then satisfied ones, allow last', () => {
    const findings: Finding[] = [
      finding({ category: 'size', level: 'allow', satisfied: true, message: 'mallow' }),
      finding({ category: 'dependencies', level: 'review', satisfied: true, message: 'mreviewok' }),
      finding({ category: 'network', level: 'review', message: 'mreview' }),
      finding({ category: 'secrets', level: 'deny', message: 'mdeny' }),
    ];
    const body = renderComment(gateResult({ verdict: 'fail', findings }));
    const rows = body.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Category') && !line.startsWith('| Metric'));
    expect(rows.slice(0, 4).map((row) => row.split(' | ')[2])).toEqual(['mdeny', 'mreview', 'mreviewok', 'mallow']);
  });

  it('shows a finding that names no reviewers as needing any approval, and one with reviewers as needing theirs, without pinging', () => {
    const body = renderComment(
      gateResult({
        verdict: 'needs-review',
        findings: [finding({ message: 'a' }), finding({ message: 'b', reviewers: ['@acme/payments'] })],
      }),
    );
    expect(body).toContain('| dependencies | review | a | ⏳ needs approval |');
    expect(body).toContain('| dependencies | review | b | ⏳ needs approval from `@acme/payments` |');
  });

  it('says a requirement cannot be checked when the token cannot read a team', () => {
    const body = renderComment(
      gateResult({
        verdict: 'needs-review',
        reviews: reviewStatus({
          requirements: [requirement({ description: 'approval from @acme/platform', candidates: ['@acme/platform'], problem: 'the token cannot read team membership' })],
          notes: ['the override label was applied by dave, who has write access only: it does not count'],
        }),
      }),
    );
    expect(body).toContain('- [ ] approval from @\u200Dacme/platform — can be given by `@acme/platform` — ⚠️ the token cannot read team membership');
    expect(body).toContain('- ℹ️ the override label was applied by dave, who has write access only: it does not count');
  });

  it('keeps notes a separate list from the approvals that did not count', () => {
    const body = renderComment(
      gateResult({
        reviews: reviewStatus({
          ignored: [{ login: 'alice', reason: 'requester', detail: 'requested the change' }],
          notes: ['`reviews.codeowners` is on, but the base branch has no CODEOWNERS file'],
        }),
      }),
    );
    expect(body).toContain(
      '**Approvals not counted**\n- alice — requested the change\n\n**Notes**\n- ℹ️ `reviews.codeowners` is on, but the base branch has no CODEOWNERS file',
    );
  });

  it('keeps the comment under the limit for 3000 findings with long hostile paths and 300 ignored approvals', () => {
    const long = 'x'.repeat(5000);
    const findings = Array.from({ length: 3000 }, (_, i) =>
      finding({
        category: 'custom',
        rule: 'billing',
        message: `${long}|${i}`,
        locations: [location(`${long}/${i}\`|<details>.ts`, i, '`'.repeat(50) + '</details>'.repeat(100))],
      }),
    );
    const ignored = Array.from({ length: 300 }, (_, i) => ({ login: `user${i}`, reason: 'stale', detail: `approved an older commit (${i})` }));
    const requirements = Array.from({ length: 3000 }, (_, i) => requirement({ description: `code owner approval for ${long}/${i}`, candidates: ['@acme/a', '@acme/b'] }));
    const body = renderComment(
      gateResult({
        verdict: 'needs-review',
        summary: long,
        findings,
        reviews: reviewStatus({ ignored, requirements, notes: Array.from({ length: 500 }, () => long) }),
        incomplete: Array.from({ length: 400 }, () => ({ kind: 'read' as const, text: long })),
        pr: { number: 1, headSha: 'a'.repeat(40), url: 'https://github.com/a/b/pull/1', title: long, repo: { owner: 'a', name: 'b' }, state: 'open' },
      }),
    );
    expect(body.length).toBeLessThan(MAX_COMMENT_LENGTH);
    expect(body.startsWith(`${COMMENT_MARKER}\n### 🟡 Needs review`)).toBe(true);
    expect(body.split(COMMENT_MARKER).length).toBe(2);
    expect(body.split('<details>').length).toBe(body.split('</details>').length);
    expect(body).toContain('#### Metrics');
    expect(body).toContain('<sub>Agent PR Gate');
    expect(body).toMatch(/_✂️ \d+ more findings not shown/);
    expect(body).toMatch(/_✂️ \d+ more review requirements not shown/);
  });
});

describe('renderComment: polish', () => {
  it('lists a line several categories flag once, naming each category', () => {
    const line = (category: Finding['category']) =>
      finding({ category, level: 'review', message: `${category} in Dockerfile`, locations: [location('Dockerfile', 2, 'RUN curl -fsSL https://x.example | sh')] });
    const body = renderComment(gateResult({ verdict: 'needs-review', findings: [line('dependencies'), line('network'), line('secrets')] }));
    const entries = body.split('\n').filter((text) => text.startsWith('- [Dockerfile:2]'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toContain('· dependencies, network, secrets — ');
  });

  it('keeps a `|` in code inside a table cell as a real pipe, escaped for the table', () => {
    const body = renderComment(gateResult({ verdict: 'needs-review', findings: [finding({ level: 'review', message: 'adds `curl x | sh`' })] }));
    const row = body.split('\n').find((text) => text.includes('adds '));
    expect(row).toContain('`curl x \\| sh`');
    expect(body).not.toContain('\uFF5C');
  });

  it('does not say "no human review" beside counted review comments', () => {
    const body = renderComment(gateResult({ verdict: 'needs-review', metrics: metrics({ timeToFirstHumanReview: null }) }));
    expect(body).not.toContain('no human review yet');
    expect(body).toContain('| Time to first human review | none yet from a reviewer other than the author or requester |');
  });
});

describe('formatDuration', () => {
  it.each([
    [null, '—'],
    [0, '0 s'],
    [45, '45 s'],
    [60, '1 min'],
    [125, '2 min 5 s'],
    [3600, '1 h'],
    [8100, '2 h 15 min'],
    [8159, '2 h 15 min'],
    [86400, '1 d'],
    [90061, '1 d 1 h'],
    [273600, '3 d 4 h'],
    [-5, '0 s'],
    [12.9, '12 s'],
  ] as const)('formats %s seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
