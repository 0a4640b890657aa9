import { describe, expect, it } from 'vitest';
import { formatPolicyError, loadPolicy } from '../../src/config/load-policy.js';

const FILE = '.github/agent-pr-gate.yml';

/** `a` is ten items; each next key is ten aliases of the previous one: 10^9 items if expanded. */
const ALIAS_BOMB = [
  'bots: &a [x, x, x, x, x, x, x, x, x, x]',
  ...Array.from({ length: 8 }, (_, i) => {
    const [name, previous] = [String.fromCharCode(98 + i), String.fromCharCode(97 + i)];
    return `k${name}: &${name} [${Array.from({ length: 10 }, () => `*${previous}`).join(', ')}]`;
  }),
  '',
].join('\n');

/**
 * Malformed policy files and the exact located message each must produce
 * (`line:column: key.path: message`, after the file name).
 */
const MALFORMED: Array<[name: string, text: string, expected: string[]]> = [
  [
    "yaml syntax: unclosed flow sequence",
    "permissions:\n  sensitive-paths:\n    paths: [infra/**\nreviews: {}\n",
    ["4:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]"],
  ],
  [
    "yaml syntax: tab indentation",
    "reviews:\n\trequired-approvals: 1\n",
    ["2:1: YAML syntax error: tabs are not allowed for indentation, use spaces"],
  ],
  [
    "yaml syntax: bad escape",
    "overrides:\n  label: \"a\\qb\"\n",
    ["2:12: YAML syntax error: Invalid escape sequence \\q"],
  ],
  [
    "duplicate top-level key",
    "extends: default\nextends: strict\n",
    ["2:1: extends: duplicate key: each key may appear once in a mapping"],
  ],
  [
    "duplicate nested key",
    "reviews:\n  required-approvals: 1\n  required-approvals: 2\n",
    ["3:3: reviews.required-approvals: duplicate key: each key may appear once in a mapping"],
  ],
  [
    "top level is a list",
    "- extends: default\n",
    ["1:1: must be a mapping of keys (like `extends: default`), got a list"],
  ],
  [
    "top level is a scalar",
    "just some text\n",
    ["1:1: must be a mapping of keys (like `extends: default`), got the text \"just some text\""],
  ],
  [
    "unknown top-level key with suggestion",
    "permisions:\n  secrets: deny\n",
    ["1:1: permisions: unknown key (did you mean `permissions`?)"],
  ],
  [
    "unknown nested key with suggestion",
    "reviews:\n  required_approvals: 2\n",
    ["2:3: reviews.required_approvals: unknown key (did you mean `required-approvals`?)"],
  ],
  [
    "unknown key without close match",
    "reviews:\n  colour: blue\n",
    ["2:3: reviews.colour: unknown key; valid keys here: `required-approvals`, `exclude-requester`, `approvals-after-last-push`, `codeowners`, `block-on-changes-requested`"],
  ],
  [
    "unknown category",
    "permissions:\n  dependency: review\n",
    ["2:3: permissions.dependency: unknown key (did you mean `dependencies`?)"],
  ],
  [
    "unknown extends preset",
    "extends: stricter\n",
    ["1:10: extends: must be one of `default`, `strict`, `observe`, `none`, got the text \"stricter\" (did you mean `strict`?)"],
  ],
  [
    "bad level",
    "permissions:\n  secrets: block\n",
    ["2:12: permissions.secrets: must be one of `allow`, `review`, `deny`, got the text \"block\""],
  ],
  [
    "level typo",
    "permissions:\n  network: reveiw\n",
    ["2:12: permissions.network: must be one of `allow`, `review`, `deny`, got the text \"reveiw\" (did you mean `review`?)"],
  ],
  [
    "category object with bad level",
    "permissions:\n  workflows:\n    level: maybe\n",
    ["3:12: permissions.workflows.level: must be one of `allow`, `review`, `deny`, got the text \"maybe\""],
  ],
  [
    "category object with unknown key",
    "permissions:\n  workflows:\n    level: review\n    reviewer: [\"@acme/devops\"]\n",
    ["4:5: permissions.workflows.reviewer: unknown key (did you mean `reviewers`?)"],
  ],
  [
    "required-approvals negative",
    "reviews:\n  required-approvals: -1\n",
    ["2:23: reviews.required-approvals: must be at least 0, got the number -1"],
  ],
  [
    "required-approvals too large",
    "reviews:\n  required-approvals: 11\n",
    ["2:23: reviews.required-approvals: must be at most 10, got the number 11"],
  ],
  [
    "required-approvals fractional",
    "reviews:\n  required-approvals: 1.5\n",
    ["2:23: reviews.required-approvals: must be a whole number, got the number 1.5"],
  ],
  [
    "required-approvals as text",
    "reviews:\n  required-approvals: \"two\"\n",
    ["2:23: reviews.required-approvals: must be a number, got the text \"two\""],
  ],
  [
    "boolean as text",
    "reviews:\n  codeowners: \"yes please\"\n",
    ["2:15: reviews.codeowners: must be true or false, got the text \"yes please\""],
  ],
  [
    "paths not a list",
    "permissions:\n  sensitive-paths:\n    paths: infra/**\n",
    ["3:12: permissions.sensitive-paths.paths: must be a list, got the text \"infra/**\""],
  ],
  [
    "empty glob",
    "permissions:\n  sensitive-paths:\n    paths: [\"infra/**\", \"\"]\n",
    ["3:25: permissions.sensitive-paths.paths[1]: must not be empty"],
  ],
  [
    "glob with leading slash",
    "permissions:\n  sensitive-paths:\n    paths: [\"/infra/**\"]\n",
    ["3:13: permissions.sensitive-paths.paths[0]: is not a valid glob: paths are relative to the repository root, drop the leading `/`"],
  ],
  [
    "glob with unclosed brace",
    "permissions:\n  sensitive-paths:\n    paths: [\"src/{a,b/**\"]\n",
    ["3:13: permissions.sensitive-paths.paths[0]: is not a valid glob: `{` without a closing `}`"],
  ],
  [
    "glob with unclosed bracket",
    "permissions:\n  custom:\n    - name: billing\n      level: review\n      paths: [\"services/[ab/**\"]\n",
    ["5:15: permissions.custom[0].paths[0]: is not a valid glob: `[` without a closing `]`"],
  ],
  [
    "glob with backslashes",
    "permissions:\n  sensitive-paths:\n    paths: [\"infra\\\\prod\\\\**\"]\n",
    ["3:13: permissions.sensitive-paths.paths[0]: is not a valid glob: use `/` between folders, not `\\`"],
  ],
  [
    "pattern with backreference",
    "permissions:\n  custom:\n    - name: billing\n      level: review\n      added-lines: [\"(a)\\\\1\"]\n",
    ["5:21: permissions.custom[0].added-lines[0]: is not a valid pattern: backreferences (\\1) are not supported (patterns run in linear time, RE2 syntax)"],
  ],
  [
    "pattern with lookahead",
    "permissions:\n  custom:\n    - name: billing\n      level: review\n      added-lines: [\"stripe(?=\\\\.)\"]\n",
    ["5:21: permissions.custom[0].added-lines[0]: is not a valid pattern: lookahead and lookbehind are not supported (patterns run in linear time, RE2 syntax)"],
  ],
  [
    "pattern unbalanced parenthesis",
    "permissions:\n  secrets:\n    level: deny\n    added-lines: [\"(foo\"]\n",
    ["4:19: permissions.secrets.added-lines[0]: is not a valid pattern: missing closing ): `(foo`"],
  ],
  [
    "custom rule missing level",
    "permissions:\n  custom:\n    - name: billing\n      paths: [\"services/billing/**\"]\n",
    ["3:7: permissions.custom[0].level: is required: one of `allow`, `review`, `deny`"],
  ],
  [
    "custom rule with neither paths nor added-lines",
    "permissions:\n  custom:\n    - name: billing\n      level: review\n",
    ["3:7: permissions.custom[0]: needs `paths` or `added-lines`: a rule without either never matches"],
  ],
  [
    "custom rule name with spaces",
    "permissions:\n  custom:\n    - name: Billing Team\n      level: review\n      paths: [\"services/**\"]\n",
    ["3:13: permissions.custom[0].name: must be lower-case letters, digits and dashes, got the text \"Billing Team\""],
  ],
  [
    "duplicate custom rule names",
    "permissions:\n  custom:\n    - name: billing\n      level: review\n      paths: [\"a/**\"]\n    - name: billing\n      level: deny\n      paths: [\"b/**\"]\n",
    ["6:13: permissions.custom[1].name: duplicate rule name `billing`"],
  ],
  [
    "size max-files zero",
    "permissions:\n  size:\n    max-files: 0\n",
    ["3:16: permissions.size.max-files: must be at least 1, got the number 0"],
  ],
  [
    "tier missing max-lines",
    "metrics:\n  tiers:\n    small: { max-files: 3 }\n",
    ["3:12: metrics.tiers.small.max-lines: is required"],
  ],
  [
    "size limits on a tier of your own",
    "metrics:\n  tiers:\n    huge: { max-files: 3, max-lines: 10 }\n",
    ["3:11: metrics.tiers.huge: only `small` and `medium` have size limits; other tiers take `labels` only"],
  ],
  [
    "bad reviewer",
    "permissions:\n  sensitive-paths:\n    reviewers: [\"acme platform\"]\n",
    ["3:17: permissions.sensitive-paths.reviewers[0]: must be a login (`alice`) or a team (`@org/team`), got the text \"acme platform\""],
  ],
  [
    "allowed host with scheme",
    "network:\n  allowed-hosts: [\"https://github.com\"]\n",
    ["2:19: network.allowed-hosts[0]: must be a host name, optionally starting with `*.`, got the text \"https://github.com\""],
  ],
  [
    "agent without id",
    "agents:\n  - authors: [\"acme-release[bot]\"]\n",
    ["2:5: agents[0].id: is required"],
  ],
  [
    "agent with upper-case id",
    "agents:\n  - id: ReleaseBot\n    authors: [\"acme-release[bot]\"]\n",
    ["2:9: agents[0].id: must be lower-case letters, digits and dashes, got the text \"ReleaseBot\""],
  ],
  [
    "duplicate agent ids",
    "agents:\n  - id: release-bot\n    labels: [release]\n  - id: release-bot\n    labels: [ship]\n",
    ["4:9: agents[1].id: duplicate agent id `release-bot`"],
  ],
  [
    "agent unknown key",
    "agents:\n  - id: release-bot\n    author: [\"acme-release[bot]\"]\n",
    ["3:5: agents[0].author: unknown key (did you mean `authors`?)"],
  ],
  [
    "agent bad body pattern",
    "agents:\n  - id: release-bot\n    body: [\"[unclosed\"]\n",
    ["3:12: agents[0].body[0]: is not a valid pattern: missing closing ]: `[unclosed`"],
  ],
  [
    "bots not a list",
    "bots: renovate-helper\n",
    ["1:7: bots: must be a list, got the text \"renovate-helper\""],
  ],
  [
    "override label empty",
    "overrides:\n  label: \"\"\n",
    ["2:10: overrides.label: must not be empty"],
  ],
  [
    "agents is a mapping",
    "agents:\n  id: release-bot\n",
    ["2:3: agents: must be a list, got a mapping"],
  ],
  [
    "an alias bomb: aliases of aliases, each level ten times the last",
    ALIAS_BOMB,
    ["2:9: YAML aliases expand to more than 100 copies (an alias bomb, or aliases of aliases): write the values out instead of `*alias` references"],
  ],
  [
    "an alias with no anchor before it",
    "bots: [a]\nreviews:\n  required-approvals: *two\n",
    ["3:23: YAML alias `*two` names no anchor (`&two`) set before it"],
  ],
  [
    "two YAML documents in one file",
    "extends: default\n---\nextends: strict\n",
    ["2:1: a policy file holds one YAML document, and a second one starts here (after `---`): merge them or remove one"],
  ],
  [
    "a second document after a document end marker",
    "extends: default\n...\n--- \nreviews: {}\n",
    ["3:1: a policy file holds one YAML document, and a second one starts here (after `---`): merge them or remove one"],
  ],
];

describe('aliases within the limit', () => {
  it('are expanded as YAML says', () => {
    const result = loadPolicy('bots: &bots [robobun, renovate-helper]\nagents:\n  - id: helper\n    name: Helper\n    authors: *bots\n', FILE);
    expect(result.ok ? result.policy.bots : result.errors.map(formatPolicyError)).toEqual(['robobun', 'renovate-helper']);
  });
});

describe('parsePolicy errors', () => {
  it.each(MALFORMED)('%s', (_name, text, expected) => {
    const result = loadPolicy(text, FILE);
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.errors.map(formatPolicyError);
    expect(messages).toEqual(expected.map((message) => `${FILE}:${message}`));
  });

  it('reports every error of a file, in source order', () => {
    const result = loadPolicy('reviews:\n  codeowner: true\n  required-approvals: -2\npermisions: {}\n', FILE);
    expect(result.ok ? [] : result.errors.map(formatPolicyError)).toEqual([
      `${FILE}:2:3: reviews.codeowner: unknown key (did you mean \`codeowners\`?)`,
      `${FILE}:3:23: reviews.required-approvals: must be at least 0, got the number -2`,
      `${FILE}:4:1: permisions: unknown key (did you mean \`permissions\`?)`,
    ]);
  });
});
