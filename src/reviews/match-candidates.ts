import { sameLogin } from '../identity.js';
import type { Lookups } from '../snapshot.js';

/**
 * Who among the counted approvers can satisfy a requirement whose candidates are users, `@org/team`s
 * (membership from `snapshot.lookups.teams`) or, for code owners, email addresses. A team the token
 * could not read is never guessed: it is reported instead.
 */

export interface CandidateMatch {
  /** Counted approvers who are one of the candidates. */
  satisfiedBy: string[];
  /** Candidates that could not be checked: a failed team lookup, an email owner. */
  problems: string[];
  /** Teams whose membership was not fetched (the adapter only fetches what `planLookups` asks). */
  unfetched: string[];
}

export const TEAM_PERMISSION_HINT =
  'the token needs the `members: read` organization permission (use a GitHub App or a PAT)';

/** `org/team` (lower case, without `@`) for a team candidate, null for a user or an email. */
export function teamKey(candidate: string): string | null {
  const value = candidate.trim().replace(/^@/, '');
  const slash = value.indexOf('/');
  if (slash <= 0 || value.includes('@')) return null;
  return value.toLowerCase();
}

export function isEmailCandidate(candidate: string): boolean {
  return !candidate.startsWith('@') && candidate.includes('@');
}

function teamEntry(lookups: Lookups, key: string): Lookups['teams'][string] | undefined {
  const exact = lookups.teams[key];
  if (exact) return exact;
  for (const [name, entry] of Object.entries(lookups.teams)) {
    if (name.replace(/^@/, '').toLowerCase() === key) return entry;
  }
  return undefined;
}

/** How to show a candidate: teams with their `@`. */
export function displayCandidate(candidate: string): string {
  return teamKey(candidate) !== null && !candidate.startsWith('@') ? `@${candidate}` : candidate;
}

export function matchCandidates(candidates: readonly string[], approvers: readonly string[], lookups: Lookups): CandidateMatch {
  const matched = new Set<string>();
  const problems: string[] = [];
  const unfetched: string[] = [];
  for (const candidate of candidates) {
    const team = teamKey(candidate);
    if (team !== null) {
      const entry = teamEntry(lookups, team);
      if (entry === undefined) {
        unfetched.push(`cannot read team @${team}: ${TEAM_PERMISSION_HINT}`);
      } else if ('error' in entry) {
        // The adapter's reason may already name the team; do not say it twice.
        const named = entry.error.toLowerCase().includes(`@${team}`);
        problems.push(named ? entry.error : `cannot read team @${team}: ${entry.error}`);
      } else {
        for (const login of approvers) if (entry.members.some((member) => sameLogin(member, login))) matched.add(login);
      }
    } else if (isEmailCandidate(candidate)) {
      problems.push(`cannot match code owner ${candidate} to a GitHub account (name owners as @login in CODEOWNERS)`);
    } else {
      for (const login of approvers) if (sameLogin(candidate, login)) matched.add(login);
    }
  }
  return { satisfiedBy: approvers.filter((login) => matched.has(login)), problems, unfetched };
}
