import type { ManifestRequest } from '../gate/reads.js';
import type { ManifestContent } from '../snapshot.js';
import type { GitHubClient } from './client.js';
import { describeError } from './errors.js';
import { manifestsQuery } from './graphql-queries.js';
import { ManifestsQuerySchema, parseResponse, type GqlManifestBlob } from './schemas.js';

/**
 * Reads the touched dependency manifests in full, at the base and the head commit, in one
 * `AgentPrGateManifests` request (one aliased `object(expression:)` per file and commit). Plain
 * data out: `null` for a file absent at that commit, `error` for one that could not be read in
 * full (binary, truncated, too large, the request failed). The core turns errors into gaps.
 */

/** Larger manifests are not read (GitHub truncates blob text well before this). */
export const MAX_MANIFEST_BYTES = 1_000_000;

type Side = { text: string | null } | { error: string };

function sideOf(blob: GqlManifestBlob | undefined, where: string): Side {
  if (blob === null || blob === undefined) return { text: null };
  if (blob.__typename !== 'Blob') return { error: `not a file at the ${where} commit` };
  if (blob.isBinary) return { error: `binary at the ${where} commit` };
  if (blob.isTruncated || (blob.byteSize ?? 0) > MAX_MANIFEST_BYTES) return { error: `too large to read at the ${where} commit` };
  if (typeof blob.text !== 'string') return { error: `no text at the ${where} commit` };
  return { text: blob.text };
}

export async function fetchManifests(
  client: GitHubClient,
  target: { owner: string; name: string; baseSha: string; headSha: string },
  manifests: readonly ManifestRequest[],
): Promise<ManifestContent[]> {
  if (manifests.length === 0) return [];
  const variables: Record<string, string> = { owner: target.owner, name: target.name };
  manifests.forEach((manifest, index) => {
    variables[`b${index}`] = `${target.baseSha}:${manifest.basePath}`;
    variables[`h${index}`] = `${target.headSha}:${manifest.path}`;
  });
  let answer: Record<string, GqlManifestBlob>;
  try {
    const raw = await client.graphql(manifestsQuery(manifests.length), variables);
    const parsed = parseResponse(ManifestsQuerySchema, raw, "GitHub's answer to the manifests query");
    if (!parsed.repository) throw new Error(`repository ${target.owner}/${target.name} was not found`);
    answer = parsed.repository;
  } catch (error) {
    const reason = `could not be read: ${describeError(error)}`;
    return manifests.map((manifest) => ({ path: manifest.path, base: null, head: null, error: reason }));
  }
  return manifests.map((manifest, index): ManifestContent => {
    const base = sideOf(answer[`b${index}`], 'base');
    const head = sideOf(answer[`h${index}`], 'head');
    const error = 'error' in base ? base.error : 'error' in head ? head.error : undefined;
    const content: ManifestContent = {
      path: manifest.path,
      base: 'text' in base ? base.text : null,
      head: 'text' in head ? head.text : null,
    };
    if (error !== undefined) content.error = error;
    return content;
  });
}
