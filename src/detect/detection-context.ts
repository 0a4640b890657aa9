import type { AgentDefinition, Policy } from '../config/policy.js';
import { compileAnyOf } from '../patterns.js';
import type { PrSnapshot } from '../snapshot.js';
import { resolveAgents } from './agents.js';
import { type CoAuthor, commitTail, readCoAuthors } from './co-authors.js';

/**
 * What every detection step reads, computed once per snapshot: the resolved agent definitions,
 * the PR body cut to what GitHub can hold, and the co-author trailers of all commits.
 */
export interface DetectionContext {
  policy: Policy;
  snapshot: PrSnapshot;
  agents: AgentDefinition[];
  /** The body text that is scanned (see `boundText`). */
  body: string;
  /** `Co-authored-by:` trailers of all commits, first appearance first, deduplicated. */
  coAuthors: CoAuthor[];
  /** Whether any agent's body pattern matches the body (one linear pass for all of them). */
  bodySigned: boolean;
  /** The ends of the commit messages that some agent's body pattern matches (usually none). */
  signedCommitTails: string[];
}

/**
 * GitHub rejects PR bodies longer than 65,536 characters, so a longer body did not come from
 * GitHub as is. Scanning its first and last 64 Ki characters covers every real body (signatures
 * sit at the end, `Requested by:` near the top) and bounds the time any body can cost.
 */
export const MAX_BODY_SCAN = 65_536;

/** The text with its middle cut out when it is longer than `2 × limit`. */
export function boundText(text: string, limit: number): string {
  if (text.length <= 2 * limit) return text;
  return `${text.slice(0, limit)}\n${text.slice(-limit)}`;
}

export function buildDetectionContext(policy: Policy, snapshot: PrSnapshot): DetectionContext {
  const agents = resolveAgents(policy);
  const body = boundText(snapshot.body, MAX_BODY_SCAN);
  // One pattern for all signatures: a body without any (the usual case) costs one pass.
  const signature = compileAnyOf(agents.flatMap((agent) => agent.body));
  return {
    policy,
    snapshot,
    agents,
    body,
    coAuthors: readCoAuthors(snapshot.commits),
    bodySigned: signature?.test(body) ?? false,
    signedCommitTails: signature ? snapshot.commits.map((commit) => commitTail(commit.message)).filter((tail) => signature.test(tail)) : [],
  };
}

