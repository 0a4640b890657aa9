/**
 * CODEOWNERS with GitHub's semantics (docs "About code owners"): each line is a gitignore-style
 * pattern followed by owners; the last matching line wins; a line without owners leaves the path
 * unowned; a leading `/` anchors at the root, as does a slash inside the pattern, while a pattern
 * without a slash matches at any depth; `docs/*` matches files directly in docs/ only, `docs/` the
 * whole tree. `!` negation, `[ ]` ranges and `\` escapes are not supported by GitHub: such lines
 * are reported and skipped, as is a line with an invalid owner.
 *
 * Matching runs on PR-controlled paths, so it uses no regular expressions: a pattern becomes a
 * list of segment tokens, matched against the path's segments with a greedy wildcard walk whose
 * cost is bounded by (pattern length × path length) — no backtracking blowups.
 */

/** One path segment of a pattern: `**` (any number of segments), `*` (exactly one), or text. */
export type PatternToken =
  | { kind: 'globstar' }
  | { kind: 'segment' }
  | { kind: 'literal'; text: string }
  | { kind: 'glob'; text: string };

export interface CodeownersRule {
  /** 1-based line in the file. */
  line: number;
  pattern: string;
  /** `@user`, `@org/team` or an email, as written; empty = the path is unowned. */
  owners: string[];
  tokens: PatternToken[];
}

export interface CodeownersError {
  line: number;
  message: string;
}

export interface ParsedCodeowners {
  rules: CodeownersRule[];
  errors: CodeownersError[];
}

const USER_OWNER = /^@[A-Za-z0-9][A-Za-z0-9-]*$/;
const TEAM_OWNER = /^@[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;

function isEmailOwner(token: string): boolean {
  const at = token.indexOf('@');
  if (at <= 0 || at !== token.lastIndexOf('@')) return false;
  const domain = token.slice(at + 1);
  const dot = domain.indexOf('.');
  return dot > 0 && !domain.endsWith('.');
}

export function isValidOwner(token: string): boolean {
  return USER_OWNER.test(token) || TEAM_OWNER.test(token) || isEmailOwner(token);
}

/** Null when GitHub accepts the pattern, else why it does not. */
function checkCodeownersPattern(pattern: string): string | null {
  if (pattern.startsWith('!')) return 'negation (`!`) is not supported in CODEOWNERS';
  if (pattern.includes('[') || pattern.includes(']')) return 'character ranges (`[ ]`) are not supported in CODEOWNERS';
  if (pattern.includes('\\')) return 'escapes (`\\`) are not supported in CODEOWNERS';
  if (pattern.includes('***')) return 'three asterisks in a row are not a valid pattern (did you mean `**`?)';
  if (pattern === '/') return 'the pattern `/` matches no file';
  return null;
}

function segmentToken(segment: string): PatternToken {
  if (segment === '**') return { kind: 'globstar' };
  if (segment === '*') return { kind: 'segment' };
  if (segment.includes('*') || segment.includes('?')) return { kind: 'glob', text: segment };
  return { kind: 'literal', text: segment };
}

/** Turns a (valid) pattern into segment tokens that must match the whole path. */
export function tokenizePattern(pattern: string): PatternToken[] {
  let body = pattern;
  const anchored = body.startsWith('/');
  if (anchored) body = body.slice(1);
  const directoryOnly = body.endsWith('/');
  if (directoryOnly) body = body.slice(0, -1);
  const segments = body.split('/');
  const tokens = segments.map(segmentToken);
  // A pattern without a slash (other than a trailing one) matches at any depth.
  if (!anchored && segments.length === 1 && tokens[0]?.kind !== 'globstar') tokens.unshift({ kind: 'globstar' });
  const last = tokens.at(-1);
  if (directoryOnly || last?.kind === 'globstar') {
    // `dir/` and `dir/**` match what is inside the directory: one or more further segments.
    if (last?.kind === 'globstar' && !directoryOnly) tokens.pop();
    tokens.push({ kind: 'segment' }, { kind: 'globstar' });
  } else if (last?.kind !== 'segment') {
    // A file pattern also matches everything below a directory of that name; `docs/*` does not.
    tokens.push({ kind: 'globstar' });
  }
  return tokens;
}

export function parseCodeowners(text: string, path: string): ParsedCodeowners {
  const rules: CodeownersRule[] = [];
  const errors: CodeownersError[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    const content = (lines[index] ?? '').trim();
    if (content === '' || content.startsWith('#')) continue;
    const words = content.split(/\s+/);
    const commentAt = words.findIndex((word, i) => i > 0 && word.startsWith('#'));
    const tokens = commentAt >= 0 ? words.slice(0, commentAt) : words;
    const pattern = tokens[0] ?? '';
    const owners = tokens.slice(1);
    const problem = checkCodeownersPattern(pattern);
    if (problem) {
      errors.push({ line, message: `${path}:${line}: \`${pattern}\`: ${problem}; line skipped` });
      continue;
    }
    const badOwner = owners.find((owner) => !isValidOwner(owner));
    if (badOwner !== undefined) {
      errors.push({
        line,
        message: `${path}:${line}: invalid owner \`${badOwner}\` (owners are @user, @org/team or an email); line skipped`,
      });
      continue;
    }
    rules.push({ line, pattern, owners, tokens: tokenizePattern(pattern) });
  }
  return { rules, errors };
}

/**
 * Whether `pattern` matches all of `subject`, item by item, where a star item matches any run of
 * subject items (none included). Greedy, backtracking only to the last star: O(p × s).
 */
function matchWithStars<P, S>(
  pattern: ArrayLike<P>,
  subject: ArrayLike<S>,
  isStar: (item: P) => boolean,
  matchesOne: (item: P, target: S) => boolean,
): boolean {
  let p = 0;
  let s = 0;
  let star = -1;
  let resume = 0;
  while (s < subject.length) {
    const item = pattern[p];
    const target = subject[s]!;
    if (item !== undefined && isStar(item)) {
      star = p;
      resume = s;
      p += 1;
    } else if (item !== undefined && matchesOne(item, target)) {
      p += 1;
      s += 1;
    } else if (star >= 0) {
      p = star + 1;
      resume += 1;
      s = resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && isStar(pattern[p]!)) p += 1;
  return p === pattern.length;
}

/** Glob over one segment: `*` any run of characters, `?` one character. Greedy, O(p × s). */
function matchSegmentGlob(pattern: string, segment: string): boolean {
  return matchWithStars(pattern, segment, (char) => char === '*', (char, target) => char === '?' || char === target);
}

function matchToken(token: PatternToken, segment: string): boolean {
  switch (token.kind) {
    case 'segment':
      return segment.length > 0;
    case 'literal':
      return token.text === segment;
    case 'glob':
      return matchSegmentGlob(token.text, segment);
    case 'globstar':
      return false;
  }
}

function pathSegments(filePath: string): string[] {
  let start = 0;
  while (filePath[start] === '/') start += 1;
  return (start > 0 ? filePath.slice(start) : filePath).split('/');
}

/** Whether the tokens match all of the path's segments (`globstar` takes zero or more). */
export function matchTokens(tokens: readonly PatternToken[], filePath: string): boolean {
  return matchSegments(tokens, pathSegments(filePath));
}

function matchSegments(tokens: readonly PatternToken[], segments: readonly string[]): boolean {
  return matchWithStars(tokens, segments, (token) => token.kind === 'globstar', matchToken);
}

function containsAll(text: string, needles: readonly string[] | undefined): boolean {
  if (!needles) return true;
  for (const needle of needles) if (!text.includes(needle)) return false;
  return true;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Positions of rules whose leading literal segments end here. */
  rules: number[];
}

interface RuleIndex {
  /** Rules that start with literal segments, by those segments. */
  root: TrieNode;
  /** Positions of rules that can start anywhere (`**`, wildcards). */
  general: number[];
  /** Per general rule, text the path must contain for it to match (a cheap first check). */
  needles: Map<number, string[]>;
}

/** The literal runs a matching path must contain: literal segments and the fixed parts of globs. */
function requiredText(tokens: readonly PatternToken[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'literal' && token.text !== '') out.push(token.text);
    if (token.kind === 'glob') {
      const longest = token.text.split(/[*?]+/).reduce((best, part) => (part.length > best.length ? part : best), '');
      if (longest !== '') out.push(longest);
    }
  }
  return out;
}

const indexes = new WeakMap<readonly CodeownersRule[], RuleIndex>();

/**
 * Indexes rules so a path is only tried against rules that can match it: rules anchored on
 * literal leading segments sit in a trie of those segments; the rest are tried after a cheap
 * substring check.
 */
function indexRules(rules: readonly CodeownersRule[]): RuleIndex {
  const cached = indexes.get(rules);
  if (cached) return cached;
  const index: RuleIndex = { root: { children: new Map(), rules: [] }, general: [], needles: new Map() };
  rules.forEach((rule, position) => {
    let node: TrieNode | null = null;
    for (const token of rule.tokens) {
      if (token.kind !== 'literal') break;
      const parent: TrieNode = node ?? index.root;
      let child = parent.children.get(token.text);
      if (!child) {
        child = { children: new Map(), rules: [] };
        parent.children.set(token.text, child);
      }
      node = child;
    }
    if (node) {
      node.rules.push(position);
    } else {
      index.general.push(position);
      index.needles.set(position, requiredText(rule.tokens));
    }
  });
  indexes.set(rules, index);
  return index;
}

/**
 * The owners of a file: the last matching rule's owners and line. `owners` is empty when that
 * rule names none (the path is unowned); null when no rule matches.
 */
export function findOwners(rules: readonly CodeownersRule[], filePath: string): { owners: string[]; line: number } | null {
  const segments = pathSegments(filePath);
  const { root, general, needles } = indexRules(rules);
  const candidates: number[] = [];
  let node: TrieNode | undefined = root;
  for (const segment of segments) {
    node = node.children.get(segment);
    if (!node) break;
    candidates.push(...node.rules);
  }
  for (const position of general) if (containsAll(filePath, needles.get(position))) candidates.push(position);
  candidates.sort((a, b) => b - a);
  for (const position of candidates) {
    const rule = rules[position];
    if (rule && matchSegments(rule.tokens, segments)) return { owners: rule.owners, line: rule.line };
  }
  return null;
}
