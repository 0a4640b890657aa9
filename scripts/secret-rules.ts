/**
 * Generates src/policy/secrets/rules.generated.json, the provider secret rules, from gitleaks' rule
 * set (MIT licence; its notice is src/policy/secrets/rules.LICENSE):
 *
 *   repository  https://github.com/gitleaks/gitleaks
 *   file        config/gitleaks.toml
 *   commit      b58d3f102cf3a2c84cb7f923d05c25c9b1aed84b (2026-07-22)
 *
 * Usage: `tsx scripts/secret-rules.ts <path to gitleaks.toml> <commit sha>`. Only data is taken:
 * each rule's id, description, regex, keywords, secret group, entropy, path and allowlists.
 *
 * Every rule is compiled with RE2JS (linear-time) here, or rejected with its reason; the output
 * lists the rejected ones. What changes on the way (docs/secrets.md says why):
 * - the leading `[\w.-]{0,50}?` of the "name = value" rules is dropped: it only widens the match
 *   to the left, and RE2JS runs several times slower with it;
 * - keywords are lower-cased; a few too common to prefilter with are replaced by a fragment every
 *   match contains (PREFILTER_OVERRIDES);
 * - allowlists keep their regexes and stopwords; path allowlists are not kept, nor an allowlist
 *   made of literal keys (the repository would hold key-shaped strings).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { RE2JS } from 're2js';
import { parse } from 'smol-toml';
import type { GeneratedRule, GeneratedRuleFile, RejectedRule, RuleAllowlist } from '../src/policy/secrets/rule-data.js';

const OUTPUT = 'src/policy/secrets/rules.generated.json';

/** Rules not carried over, and why. */
const REJECT: Record<string, string> = {
  'generic-api-key': "replaced by the gate's own generic assignment rule (secret-scan.ts), which knows lockfiles, checksums and placeholders",
  'kubernetes-secret-yaml': 'needs `kind: Secret` and `data:` on different lines; the gate matches line by line (a Secret manifest is a secrets file by name only when named so)',
};

/** Keywords too common to prefilter with, replaced by what every match contains (lower-cased). */
const PREFILTER_OVERRIDES: Record<string, { keywords: string[]; fragments: string[]; reason: string }> = {
  jwt: { keywords: [], fragments: ['ey[a-z0-9]{17}'], reason: '"ey" is in every "key"; a match starts with ey and 17 letters or digits' },
  'twilio-api-key': { keywords: [], fragments: ['sk[0-9a-f]{32}'], reason: '"sk" is in "task" and "risk"; a match is SK and 32 hex digits' },
  'vault-service-token': { keywords: ['hvs.'], fragments: ['s\\.[a-z0-9]{24}'], reason: '"s." ends half the words before a property; the legacy form is s. and 24 letters or digits' },
  'octopus-deploy-api-key': { keywords: [], fragments: ['api-[a-z0-9]{26}'], reason: '"api-" is in many URLs; a match is API- and 26 letters or digits' },
  'lob-api-key': { keywords: [], fragments: ['live_[a-f0-9]{35}', 'test_[a-f0-9]{35}'], reason: '"test_" begins every Python test; a match holds live_ or test_ and 35 hex digits' },
  'gocardless-api-token': { keywords: ['gocardless'], fragments: [], reason: '"live_" is common; the regex needs the word gocardless' },
};

/**
 * A fragment: a literal start (the scanner's automaton looks for it), then literals, classes and
 * `{n}`/`{n,m}` repeats only (no `*`, `+`, `{n,}`), so it runs in linear time.
 */
const SIMPLE_FRAGMENT = /^(?:[a-z0-9_~-]|\\\.)+(?:[a-z0-9_~-]|\\\.|\[[a-z0-9\-_=]+\]|\{\d+(?:,\d+)?\})*$/;

interface TomlAllowlist {
  regexTarget?: string;
  regexes?: string[];
  stopwords?: string[];
  paths?: string[];
}
interface TomlRule {
  id: string;
  description?: string;
  regex?: string;
  keywords?: string[];
  secretGroup?: number;
  entropy?: number;
  path?: string;
  allowlists?: TomlAllowlist[];
}

/** `(?i)\.(?:tf|hcl)$` → ['.tf', '.hcl']: a path rule that only asks for an ending, or null. */
function pathEndings(source: string): string[] | null {
  const shape = /^\(\?i\)((?:\\\.|[A-Za-z0-9_-])*)(?:\(\?:([A-Za-z0-9_|-]+)\))?\$$/.exec(source);
  if (!shape) return null;
  const stem = (shape[1] ?? '').replace(/\\\./g, '.').toLowerCase();
  const tails = shape[2] === undefined ? [''] : shape[2].toLowerCase().split('|');
  return tails.map((tail) => stem + tail);
}

function compiles(source: string): string | null {
  try {
    RE2JS.compile(source);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** `(?i)[\w.-]{0,50}?(?:name)…` → `(?i)(?:name)…`, and the `(?i:[\w.-]{0,50}?…` form. */
function dropLeftPadding(source: string): string {
  return source.replace(/^\(\?i\)\[\\w\.-\]\{0,50\}\?/, '(?i)').replace(/^\[\\w\.-\]\{0,50\}\?\(\?i:\[\\w\.-\]\{0,50\}\?/, '(?i:');
}

/** An allowlist entry that is a plain key (letters, digits, `_`, `-` only, 20 characters or more). */
const LITERAL_KEY = /^[A-Za-z0-9_-]{20,}$/;

function allowlistOf(rule: string, list: TomlAllowlist, notes: string[]): RuleAllowlist | null {
  if (list.paths?.length) notes.push(`${rule}: path allowlist not kept`);
  const regexes = list.regexes ?? [];
  if (regexes.some((source) => LITERAL_KEY.test(source))) {
    notes.push(`${rule}: allowlist of literal keys not kept`);
    return null;
  }
  for (const source of regexes) {
    const error = compiles(source);
    if (error) throw new Error(`${rule}: allowlist regex does not compile: ${error}`);
  }
  const stopwords = (list.stopwords ?? []).map((word) => word.toLowerCase());
  if (regexes.length === 0 && stopwords.length === 0) return null;
  const target = list.regexTarget ?? 'secret';
  if (target !== 'secret' && target !== 'match' && target !== 'line') throw new Error(`${rule}: unknown regexTarget ${target}`);
  return { target, regexes, stopwords };
}

function convert(rule: TomlRule, notes: string[]): GeneratedRule | RejectedRule {
  const rejected = REJECT[rule.id];
  if (rejected) return { id: rule.id, reason: rejected };
  if (rule.regex === undefined) return { id: rule.id, reason: 'matches a file path only; the secrets category names key files itself' };
  const regex = dropLeftPadding(rule.regex);
  const error = compiles(regex);
  if (error) return { id: rule.id, reason: `RE2JS does not compile it: ${error}` };
  if (rule.path !== undefined && compiles(rule.path)) return { id: rule.id, reason: 'its path pattern does not compile' };
  const override = PREFILTER_OVERRIDES[rule.id];
  const keywords = override ? override.keywords : (rule.keywords ?? []).map((word) => word.toLowerCase());
  const fragments = override?.fragments ?? [];
  for (const fragment of fragments) if (!SIMPLE_FRAGMENT.test(fragment)) throw new Error(`${rule.id}: fragment ${fragment} is not simple`);
  if (keywords.length === 0 && fragments.length === 0) return { id: rule.id, reason: 'no keyword to prefilter lines with' };
  const out: GeneratedRule = { id: rule.id, description: rule.description ?? '', regex, keywords };
  if (fragments.length > 0) out.fragments = fragments;
  if (rule.secretGroup !== undefined) out.secretGroup = rule.secretGroup;
  if (rule.entropy !== undefined) out.entropy = rule.entropy;
  if (rule.path !== undefined) {
    out.path = rule.path;
    const endings = pathEndings(rule.path);
    if (endings) out.pathEndings = endings;
  }
  const allowlists = (rule.allowlists ?? []).map((list) => allowlistOf(rule.id, list, notes)).filter((list) => list !== null);
  if (allowlists.length > 0) out.allowlists = allowlists;
  return out;
}

const [tomlPath, commit] = process.argv.slice(2);
if (!tomlPath || !commit || !/^[0-9a-f]{40}$/.test(commit)) {
  console.error('usage: tsx scripts/secret-rules.ts <path to gitleaks.toml> <commit sha>');
  process.exit(2);
}
const config = parse(readFileSync(tomlPath, 'utf8')) as { rules?: TomlRule[]; allowlist?: TomlAllowlist };
const notes: string[] = [];
const rules: GeneratedRule[] = [];
const rejected: RejectedRule[] = [];
for (const rule of config.rules ?? []) {
  const converted = convert(rule, notes);
  if ('reason' in converted) rejected.push(converted);
  else rules.push(converted);
}
const global = config.allowlist ? allowlistOf('global', { ...config.allowlist, paths: [] }, notes) : null;
const file: GeneratedRuleFile = {
  source: { repository: 'https://github.com/gitleaks/gitleaks', path: 'config/gitleaks.toml', commit, license: 'MIT, see rules.LICENSE' },
  allowlist: global ?? { target: 'secret', regexes: [], stopwords: [] },
  rules,
  rejected,
};
// One rule per line: compact for the bundle, readable in a diff.
const lines = [
  '{',
  `"source":${JSON.stringify(file.source)},`,
  `"allowlist":${JSON.stringify(file.allowlist)},`,
  '"rules":[',
  rules.map((rule) => JSON.stringify(rule)).join(',\n'),
  '],',
  '"rejected":[',
  rejected.map((rule) => JSON.stringify(rule)).join(',\n'),
  ']',
  '}',
];
writeFileSync(OUTPUT, `${lines.join('\n')}\n`);
console.log(`${OUTPUT}: kept ${rules.length} of ${rules.length + rejected.length} rules`);
for (const rule of rejected) console.log(`  rejected ${rule.id}: ${rule.reason}`);
for (const note of notes) console.log(`  note: ${note}`);
for (const [id, override] of Object.entries(PREFILTER_OVERRIDES)) console.log(`  prefilter of ${id}: ${override.reason}`);
