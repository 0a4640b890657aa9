import type { Commit } from '../snapshot.js';
import { isCopilotSuggestionIdentity } from './classify.js';

/**
 * `Co-authored-by:` trailers, read from commit messages. Git and GitHub only recognise trailers
 * in the message's last paragraph, so only the tail of each message is read: a huge message costs
 * no more than a short one.
 */

export interface CoAuthor {
  /** The trailer value as written, `Name <email>`. */
  value: string;
  name: string;
  email: string;
  /** From a GitHub noreply email (`ID+login@users.noreply.github.com` or `login@users.noreply…`). */
  login: string | null;
  id: number | null;
  /** True for `Copilot <175728472+Copilot@users.noreply.github.com>`: an accepted review suggestion. */
  suggestion: boolean;
}

/** How much of the end of each commit message is read for trailers and signatures. */
export const COMMIT_TAIL = 4_096;
const MAX_VALUE = 300;
const MAX_CO_AUTHORS = 200;
const PREFIX = 'co-authored-by:';
const NOREPLY = /^(?:(\d{1,12})\+)?([a-z0-9](?:[a-z0-9-]{0,38})(?:\[bot\])?)@users\.noreply\.github\.com$/i;

/** The end of a commit message, where trailers and tool signatures live. */
export function commitTail(message: string): string {
  return message.length <= COMMIT_TAIL ? message : message.slice(-COMMIT_TAIL);
}

export function parseCoAuthor(raw: string): CoAuthor | null {
  const value = raw.trim().slice(0, MAX_VALUE);
  if (value === '') return null;
  const open = value.lastIndexOf('<');
  const hasEmail = open >= 0 && value.endsWith('>');
  const name = (hasEmail ? value.slice(0, open) : value).trim();
  const email = hasEmail ? value.slice(open + 1, -1).trim() : '';
  const noreply = NOREPLY.exec(email);
  const login = noreply?.[2] ?? null;
  const id = noreply?.[1] !== undefined ? Number(noreply[1]) : null;
  return { value, name, email, login, id, suggestion: isCopilotSuggestionIdentity({ email, id }) };
}

/** All co-author trailers of the commits, in commit order, each distinct value once. */
export function readCoAuthors(commits: readonly Commit[]): CoAuthor[] {
  const seen = new Set<string>();
  const out: CoAuthor[] = [];
  for (const commit of commits) {
    for (const line of commitTail(commit.message).split('\n')) {
      const trimmed = line.trim();
      if (trimmed.length <= PREFIX.length || trimmed.slice(0, PREFIX.length).toLowerCase() !== PREFIX) continue;
      const coAuthor = parseCoAuthor(trimmed.slice(PREFIX.length));
      if (!coAuthor) continue;
      const key = coAuthor.value.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(coAuthor);
      if (out.length >= MAX_CO_AUTHORS) return out;
    }
  }
  return out;
}
