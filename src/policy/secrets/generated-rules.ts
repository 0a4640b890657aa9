import { RE2JS } from 're2js';
import { KeywordIndex } from '../keyword-index.js';
import type { GeneratedRule, GeneratedRuleFile, RuleAllowlist } from './rule-data.js';
import RULE_FILE from './rules.generated.json' with { type: 'json' };
import { insideChecksum, isPlaceholder, shannonEntropy, type SecretSpan } from './spans.js';

/**
 * The provider rules generated from gitleaks' rule set (docs/secrets.md). Each runs with RE2JS,
 * in linear time, and only on a line that holds one of its keywords (or fragments): a file's
 * lines are first filtered by prefilter.ts, then a candidate line's keywords are found (by a
 * search for each, or once a PR has many such lines, in one pass of a keyword automaton), and
 * only their rules run. Rules are compiled on first use: a run compiles the few whose keywords it
 * meets, not all of them.
 */

const FILE = RULE_FILE as GeneratedRuleFile;

interface CompiledAllowlist {
  target: RuleAllowlist['target'];
  regexes: RE2JS[];
  stopwords: readonly string[];
}

interface LiveRule {
  readonly data: GeneratedRule;
  /** A "name = value" rule: its match is a value assigned to a provider's name. */
  readonly assignment: boolean;
  compiled: RE2JS | null;
  allowlists: CompiledAllowlist[] | null;
}

const RULES: readonly LiveRule[] = FILE.rules.map((data) => ({ data, assignment: data.regex.includes(':{1,3}='), compiled: null, allowlists: null }));
const PATHLESS: readonly LiveRule[] = RULES.filter((rule) => rule.data.path === undefined);
const WITH_PATH: readonly LiveRule[] = RULES.filter((rule) => rule.data.path !== undefined);

/** Every generated rule's keywords (lower-case literals) and fragments, for the line prefilter. */
export const GENERATED_KEYWORDS: readonly string[] = [...new Set(RULES.flatMap((rule) => rule.data.keywords))];
export const GENERATED_FRAGMENTS: readonly string[] = [...new Set(RULES.flatMap((rule) => rule.data.fragments ?? []))];

/** Each path-independent rule's keywords, as (keyword, rule) entries in rule order. */
const KEYWORD_ENTRIES: readonly (readonly [string, LiveRule])[] = PATHLESS.flatMap((rule) => rule.data.keywords.map((keyword) => [keyword, rule] as const));

let keywordIndex: KeywordIndex<LiveRule> | null = null;
let fragmentTests: { rule: LiveRule; pattern: RegExp }[] | null = null;

/**
 * The rules' keyword automaton costs more to build than a few hundred lines cost to search for
 * each keyword: a run's first lines are searched, and the automaton is built only when a PR has
 * more lines to read than that.
 */
const SEARCHED_LINES = 256;
let searchedLines = 0;

/**
 * The path-independent rules with a keyword in `lower`, in the order the keyword automaton gives
 * them: by where their first keyword occurrence ends, a longer keyword before a shorter one ending
 * there, then in rule order. (Rules that match the same span are merged in this order.)
 */
export function rulesWithKeywordIn(lower: string, via: 'search' | 'automaton' | 'either' = 'either'): Set<LiveRule> {
  if (via === 'automaton' || (via === 'either' && (keywordIndex !== null || searchedLines >= SEARCHED_LINES))) {
    keywordIndex ??= new KeywordIndex(KEYWORD_ENTRIES);
    return keywordIndex.find(lower);
  }
  if (via === 'either') searchedLines += 1;
  const hits: { end: number; length: number; entry: number }[] = [];
  for (let entry = 0; entry < KEYWORD_ENTRIES.length; entry += 1) {
    const keyword = (KEYWORD_ENTRIES[entry] as readonly [string, LiveRule])[0];
    const at = lower.indexOf(keyword);
    if (at !== -1) hits.push({ end: at + keyword.length, length: keyword.length, entry });
  }
  hits.sort((a, b) => a.end - b.end || b.length - a.length || a.entry - b.entry);
  const rules = new Set<LiveRule>();
  for (let hit = 0; hit < hits.length; hit += 1) rules.add((KEYWORD_ENTRIES[(hits[hit] as (typeof hits)[number]).entry] as readonly [string, LiveRule])[1]);
  return rules;
}

function compiledRule(rule: LiveRule): RE2JS {
  rule.compiled ??= RE2JS.compile(rule.data.regex);
  return rule.compiled;
}

function compileAllowlist(list: RuleAllowlist): CompiledAllowlist {
  return { target: list.target, regexes: list.regexes.map((source) => RE2JS.compile(source)), stopwords: list.stopwords };
}

let globalAllowlist: CompiledAllowlist | null = null;

function allowed(list: CompiledAllowlist, secret: string, match: string, line: string): boolean {
  const target = list.target === 'match' ? match : list.target === 'line' ? line : secret;
  if (list.regexes.some((re) => re.test(target))) return true;
  if (list.stopwords.length === 0) return false;
  const lower = secret.toLowerCase();
  return list.stopwords.some((word) => lower.includes(word));
}

/** Whether gitleaks' allowlists (the rule's and the global one) let this secret through. */
function isAllowlisted(rule: LiveRule, secret: string, match: string, line: string): boolean {
  globalAllowlist ??= compileAllowlist(FILE.allowlist);
  if (allowed(globalAllowlist, secret, match, line)) return true;
  rule.allowlists ??= (rule.data.allowlists ?? []).map(compileAllowlist);
  return rule.allowlists.some((list) => allowed(list, secret, match, line));
}

const HEX = /^[0-9a-f]+$/i;
const GIT_SHA = /^[0-9a-f]{40}$/i;

/** The capture group holding the secret: the rule's, else the first that took part, else the match. */
function secretGroup(rule: LiveRule, matcher: ReturnType<RE2JS['matcher']>): number {
  if (rule.data.secretGroup !== undefined) return rule.data.secretGroup;
  const groups = matcher.groupCount();
  for (let group = 1; group <= groups; group += 1) if (matcher.start(group) >= 0 && matcher.end(group) > matcher.start(group)) return group;
  return 0;
}

/**
 * At most this many matches of one rule in one line. RE2JS finds each match in time linear in the
 * rest of the line, but a rule with `.*` reads to the line's end for every match, so a line of n
 * matches would cost n²; past the cap the rest of the line is hidden, unreported.
 */
export const MAX_MATCHES_PER_LINE = 8;

/**
 * Calls `visit` for each match of `re` in `text`, at most MAX_MATCHES_PER_LINE; returns where the
 * last visited match ends when matches were left, else -1.
 */
function eachMatch(re: RE2JS, text: string, visit: (matcher: ReturnType<RE2JS['matcher']>) => void): number {
  const matcher = re.matcher(text);
  for (let count = 0; matcher.find(); count += 1) {
    if (count === MAX_MATCHES_PER_LINE) return matcher.start(0);
    visit(matcher);
  }
  return -1;
}

function runRule(rule: LiveRule, text: string, spans: SecretSpan[], checksums: boolean): void {
  const re = compiledRule(rule);
  if (!re.test(text)) return;
  const rest = eachMatch(re, text, (matcher) => {
    const group = secretGroup(rule, matcher);
    const start = matcher.start(group);
    const end = matcher.end(group);
    if (start < 0 || end <= start) return;
    const secret = text.slice(start, end);
    if (rule.data.entropy !== undefined && shannonEntropy(secret) < rule.data.entropy) return;
    // Checksums are not secrets: integrity values, digests, a commit SHA a rule found bare.
    if (insideChecksum(text, start, end) || (checksums && HEX.test(secret)) || (!rule.assignment && GIT_SHA.test(secret))) return;
    const documented = isPlaceholder(secret) || isAllowlisted(rule, secret, matcher.group(0) ?? '', text);
    spans.push({ start, end, kind: rule.data.id, reported: !documented });
  });
  if (rest !== -1) spans.push({ start: rest, end: text.length, kind: rule.data.id, reported: false });
}

/** Spans of the path-independent generated rules whose keyword or fragment `lower` holds. */
export function addGeneratedSpans(text: string, lower: string, spans: SecretSpan[], checksums: boolean): void {
  const rules = rulesWithKeywordIn(lower);
  fragmentTests ??= PATHLESS.flatMap((rule) => (rule.data.fragments ?? []).map((fragment) => ({ rule, pattern: new RegExp(fragment) })));
  for (const { rule, pattern } of fragmentTests) if (pattern.test(lower)) rules.add(rule);
  for (const rule of rules) runRule(rule, text, spans, checksums);
}

const pathPatterns = new Map<LiveRule, RE2JS>();
const NO_RULES: readonly LiveRule[] = [];

function appliesTo(rule: LiveRule, path: string, lowerPath: string): boolean {
  const endings = rule.data.pathEndings;
  if (endings) {
    for (let e = 0; e < endings.length; e += 1) if (lowerPath.endsWith(endings[e] as string)) return true;
    return false;
  }
  let pattern = pathPatterns.get(rule);
  if (!pattern) {
    pattern = RE2JS.compile(rule.data.path ?? '');
    pathPatterns.set(rule, pattern);
  }
  return pattern.test(path);
}

/** The generated rules that apply only to files like `path` (Terraform, NuGet config, PHP, …). */
export function pathRulesFor(path: string): readonly LiveRule[] {
  if (WITH_PATH.length === 0) return NO_RULES;
  const lowerPath = path.toLowerCase();
  let rules: LiveRule[] | null = null;
  // Asked for every file with a candidate line: most files have none, and share one empty list.
  for (let r = 0; r < WITH_PATH.length; r += 1) {
    const rule = WITH_PATH[r] as LiveRule;
    if (appliesTo(rule, path, lowerPath)) (rules ??= []).push(rule);
  }
  return rules ?? NO_RULES;
}

/** Spans of path rules (from pathRulesFor) whose keyword `lower` holds. */
export function addPathRuleSpans(text: string, lower: string, rules: readonly LiveRule[], spans: SecretSpan[], checksums: boolean): void {
  for (const rule of rules) if (rule.data.keywords.some((keyword) => lower.includes(keyword))) runRule(rule, text, spans, checksums);
}

export interface ListedRule {
  id: string;
  regex: RE2JS;
  source: string;
  keywords: readonly string[];
  fragments: readonly string[];
  /** The rule's secrets in one line, as the scanner finds them (no prefilter). */
  scan(text: string): SecretSpan[];
  /** Every match the scanner would visit in one line, without its `test` first. */
  matches(text: string): number;
}

/** Every generated rule, compiled (for tests that check each, such as the linear-time fuzz test). */
export function listGeneratedRules(): ListedRule[] {
  return RULES.map((rule) => ({
    id: rule.data.id,
    regex: compiledRule(rule),
    source: rule.data.regex,
    keywords: rule.data.keywords,
    fragments: rule.data.fragments ?? [],
    scan(text: string): SecretSpan[] {
      const spans: SecretSpan[] = [];
      runRule(rule, text, spans, false);
      return spans;
    },
    matches(text: string): number {
      let count = 0;
      eachMatch(compiledRule(rule), text, () => (count += 1));
      return count;
    },
  }));
}

/** The rules left out at generation, with why (docs/secrets.md). */
export const REJECTED_RULES = FILE.rejected;
