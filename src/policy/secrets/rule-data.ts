/**
 * The shape of rules.generated.json: provider secret rules generated from gitleaks' rule set by
 * scripts/secret-rules.ts (see docs/secrets.md). Shared by the generator and the scanner.
 */

/** A gitleaks allowlist carried over: a match it covers is hidden but not reported. */
export interface RuleAllowlist {
  /** What the regexes test: the secret (default), the whole match, or the whole line. */
  target: 'secret' | 'match' | 'line';
  /** RE2 sources (run with RE2JS). */
  regexes: string[];
  /** Lower-case words; a secret containing one is allowed. */
  stopwords: string[];
}

export interface GeneratedRule {
  id: string;
  description: string;
  /** RE2 source, as RE2JS compiles it. */
  regex: string;
  /**
   * Lower-case literals: the rule runs only on a line whose lower-cased text contains one of them
   * or matches one of `fragments`.
   */
  keywords: string[];
  /**
   * Lower-case V8 sources that every match of the rule contains once lower-cased, used instead of
   * a keyword too common to filter with (`ey`, `sk`, `s.`). Each is literals and bounded repeats of
   * classes only, so it runs in linear time.
   */
  fragments?: string[];
  /** The capture group holding the secret (0: the whole match); default: the first group that took part. */
  secretGroup?: number;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  entropy?: number;
  /** RE2 source the file path must match for the rule to apply. */
  path?: string;
  /** The same as `path` when it only asks for a case-insensitive ending: lower-case endings. */
  pathEndings?: string[];
  allowlists?: RuleAllowlist[];
}

export interface RejectedRule {
  id: string;
  reason: string;
}

export interface GeneratedRuleFile {
  source: { repository: string; path: string; commit: string; license: string };
  /** Applied to every generated rule's secret (gitleaks' global allowlist). */
  allowlist: RuleAllowlist;
  rules: GeneratedRule[];
  rejected: RejectedRule[];
}
