/**
 * Command-line targets: a pull request (`owner/repo#123` or its URL) and a repository
 * (`owner/repo` or its URL). Pure; a bad value gives null and the caller says what was expected.
 */

export interface RepoRef {
  owner: string;
  name: string;
}

export interface PrRef extends RepoRef {
  number: number;
}

const OWNER = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})';
const NAME = '[A-Za-z0-9._-]{1,100}';
const SHORT_PR = new RegExp(`^(${OWNER})/(${NAME})#(\\d{1,9})$`);
const SHORT_REPO = new RegExp(`^(${OWNER})/(${NAME})$`);
const URL_PR = new RegExp(`^https?://[^/]+/(${OWNER})/(${NAME})/pulls?/(\\d{1,9})(?:[/?#].*)?$`);
const URL_REPO = new RegExp(`^https?://[^/]+/(${OWNER})/(${NAME})/?$`);

export function parsePrRef(text: string): PrRef | null {
  const match = SHORT_PR.exec(text.trim()) ?? URL_PR.exec(text.trim());
  if (!match) return null;
  const number = Number(match[3]);
  if (number < 1) return null;
  return { owner: match[1]!, name: stripGit(match[2]!), number };
}

export function parseRepoRef(text: string): RepoRef | null {
  const match = SHORT_REPO.exec(text.trim()) ?? URL_REPO.exec(text.trim());
  if (!match) return null;
  return { owner: match[1]!, name: stripGit(match[2]!) };
}

function stripGit(name: string): string {
  return name.endsWith('.git') ? name.slice(0, -4) : name;
}
