import type { GateFetch } from '../gate/pipeline.js';
import type { ReadAnswer } from '../gate/reads.js';
import type { GitHubClient } from './client.js';
import { fetchLookups } from './fetch-lookups.js';
import { fetchManifests } from './fetch-manifests.js';
import type { StagedSnapshot } from './fetch-snapshot.js';

/**
 * The adapter's half of the gate pipeline (docs/architecture.md, "The pipeline"): answers each
 * ReadRequest `plan` makes, everything a round asks at once, and returns plain data: the other
 * file pages, the lookups (src/github/fetch-lookups.ts), the manifest contents
 * (src/github/fetch-manifests.ts). Never findings or verdicts. The action and `check` both use it.
 */
export function gateFetch(client: GitHubClient, staged: StagedSnapshot): GateFetch {
  return async (request, reads) => {
    const { snapshot } = reads;
    const wantsLookups = request.permissions.length > 0 || request.teams.length > 0;
    const [complete, lookups, manifests] = await Promise.all([
      request.filePages ? staged.complete() : undefined,
      wantsLookups ? fetchLookups(client, snapshot.repo, { permissions: request.permissions, teams: request.teams }) : undefined,
      request.manifests.length > 0
        ? fetchManifests(client, { ...snapshot.repo, baseSha: snapshot.baseSha, headSha: snapshot.headSha }, request.manifests)
        : undefined,
    ]);
    const answer: ReadAnswer = {};
    if (complete !== undefined) answer.snapshot = complete;
    if (lookups !== undefined) answer.lookups = lookups;
    if (manifests !== undefined) answer.manifests = manifests;
    return answer;
  };
}
