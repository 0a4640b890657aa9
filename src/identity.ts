import { boundedMemo } from './bounded-memo.js';
import type { Actor } from './snapshot.js';

/**
 * Logins differ between GitHub's APIs: REST spells an app account `name[bot]` (and the Copilot
 * coding agent `Copilot`), GraphQL's Bot actor gives `name` (and `copilot-swe-agent`). Every
 * comparison goes through this one normalized form: lower case, without `[bot]`, with known
 * aliases folded together.
 */
const ALIASES: Record<string, string> = {
  copilot: 'copilot-swe-agent',
};

/**
 * A login in its normalized form. Remembered (bounded): reviews, comments and commits repeat the
 * same few accounts, and the review and metric loops normalize them over and over.
 */
export const normalizeLogin: (login: string) => string = boundedMemo(10_000, readLogin);

function readLogin(login: string): string {
  let value = login.trim().toLowerCase();
  if (value.startsWith('@')) value = value.slice(1);
  if (value.endsWith('[bot]')) value = value.slice(0, -'[bot]'.length);
  return ALIASES[value] ?? value;
}

export function sameLogin(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return normalizeLogin(a) === normalizeLogin(b);
}

/** Same account: by numeric id when both have one, else by normalized login. */
export function sameActor(a: Actor | null | undefined, b: Actor | null | undefined): boolean {
  if (!a || !b) return false;
  if (a.id != null && b.id != null) return a.id === b.id;
  return sameLogin(a.login, b.login);
}

/** Accounts that review or comment on PRs but are not humans and not authoring agents. */
export const REVIEWER_BOTS = [
  'copilot-pull-request-reviewer',
  'chatgpt-codex-connector',
  'cursor',
  'coderabbitai',
  'gemini-code-assist',
  'github-actions',
  'github-advanced-security',
  'dependabot',
  'renovate',
];

/**
 * True for automation: a `[bot]` login, an actor of type Bot, a known reviewer bot, or a login
 * the policy lists under `bots:`. Such accounts never count as humans.
 */
export function isBot(actor: Actor | null | undefined, extraBots: readonly string[] = []): boolean {
  if (!actor) return true; // a deleted account ("ghost") is not a human we can credit
  if (actor.type === 'Bot') return true;
  if (actor.login.toLowerCase().endsWith('[bot]')) return true;
  const login = normalizeLogin(actor.login);
  if (login === 'ghost') return true;
  if (REVIEWER_BOTS.includes(login)) return true;
  return extraBots.some((bot) => normalizeLogin(bot) === login);
}
