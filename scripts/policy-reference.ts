// Generates docs/policy-reference.md from the zod schema of the policy file (its JSON Schema and
// `.describe()` texts), the presets in policies/ and the built-in agents. Sections between the
// markers below are regenerated too: the inputs and outputs tables from action.yml (in
// docs/action.md), and the policy reference in a README that marks a place for it.
//
//   npm run docs            rewrite the files
//   npm run docs -- --check exit 1 when a file differs from a fresh generation (CI)
//
// __tests__/cli/policy-reference.test.ts fails when the committed files and the schema disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import * as z from 'zod';
import { parsePolicy } from '../src/config/parse.js';
import { applyPolicyFile, BUILTIN_CATEGORIES, emptyPolicy, type Policy } from '../src/config/policy.js';
import { PolicyFileSchema, PRESETS } from '../src/config/schema.js';
import { BUILTIN_AGENTS } from '../src/detect/agents.js';
import { SCHEMA_URL } from '../src/project.js';

export const README_START = '<!-- agent-pr-gate:policy-reference:start -->';
export const README_END = '<!-- agent-pr-gate:policy-reference:end -->';
/** README sections generated from action.yml, between `<!-- agent-pr-gate:NAME:start/end -->`. */
export const ACTION_SECTIONS = ['inputs', 'outputs'] as const;
export const REFERENCE_PATH = 'docs/policy-reference.md';
/** Files whose marked sections this script fills: the action's tables, and (if marked) the policy reference. */
export const MARKED_PATHS = ['README.md', 'docs/action.md'] as const;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
}

export function policyJsonSchema(): JsonSchema {
  return z.toJSONSchema(PolicyFileSchema, { target: 'draft-7', io: 'input' }) as JsonSchema;
}

/** The presets as resolved policies, read from policies/*.yml the way src/config resolves them. */
export function readPresets(root = ROOT): Record<string, Policy> {
  const out: Record<string, Policy> = {};
  const resolve = (name: string, seen: string[]): Policy => {
    if (name === 'none') return emptyPolicy();
    if (out[name]) return structuredClone(out[name]);
    if (seen.includes(name)) throw new Error(`circular preset ${name}`);
    const fileName = `policies/${name}.yml`;
    const parsed = parsePolicy(readFileSync(join(root, fileName), 'utf8'), fileName);
    if (!parsed.ok) throw new Error(`${fileName} is invalid: ${parsed.errors[0]?.message ?? ''}`);
    const parent = parsed.file.extends;
    const base = parent && parent !== name ? resolve(parent, [...seen, name]) : emptyPolicy();
    const policy = applyPolicyFile(base, parsed.file);
    policy.preset = name;
    out[name] = policy;
    return structuredClone(policy);
  };
  for (const name of PRESETS) out[name] = resolve(name, []);
  return out;
}

/** A resolved policy written back in the file's kebab-case shape, to look values up by key path. */
function policyToFile(policy: Policy): Record<string, unknown> {
  const permissions: Record<string, unknown> = {};
  for (const id of BUILTIN_CATEGORIES) {
    const rule = policy.permissions[id];
    permissions[id] = { level: rule.level, paths: rule.paths, 'added-lines': rule.addedLines, reviewers: rule.reviewers };
  }
  const size = policy.permissions.size;
  permissions.size = { level: size.level, 'max-files': size.maxFiles, 'max-lines': size.maxLines, reviewers: size.reviewers };
  permissions.custom = policy.permissions.custom;
  const tier = (t: { maxFiles: number; maxLines: number }) => ({ 'max-files': t.maxFiles, 'max-lines': t.maxLines });
  return {
    extends: policy.preset,
    bots: policy.bots,
    agents: policy.agents,
    permissions,
    network: { 'allowed-hosts': policy.network.allowedHosts },
    reviews: {
      'required-approvals': policy.reviews.requiredApprovals,
      'exclude-requester': policy.reviews.excludeRequester,
      'approvals-after-last-push': policy.reviews.approvalsAfterLastPush,
      codeowners: policy.reviews.codeowners,
      'block-on-changes-requested': policy.reviews.blockOnChangesRequested,
    },
    overrides: { label: policy.overrides.label },
    metrics: { tiers: { small: tier(policy.metrics.tiers.small), medium: tier(policy.metrics.tiers.medium) } },
  };
}

function lookup(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

// ---- markdown helpers

function code(value: string): string {
  return value.includes('`') ? `\`\` ${value} \`\`` : `\`${value}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function row(cells: string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function formatValue(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return code(String(value));
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    const items = value.map((item) => (typeof item === 'object' ? code(JSON.stringify(item)) : code(String(item))));
    return items.length <= 4 ? items.join(', ') : `${items.slice(0, 3).join(', ')}, … (${items.length} in all)`;
  }
  if (typeof value === 'object' && value !== null) {
    if ('level' in value) return code(String((value as { level: unknown }).level));
    const parts = Object.entries(value).map(([key, inner]) => `${key}: ${String(inner)}`);
    return code(`{ ${parts.join(', ')} }`);
  }
  return code(String(value));
}

// ---- the schema walk

function typeOf(node: JsonSchema, sectionOf: (node: JsonSchema) => string | null): string {
  if (node.anyOf) return node.anyOf.map((option) => typeOf(option, sectionOf)).join(', or ');
  if (node.enum) return `one of ${node.enum.map((value) => code(String(value))).join(', ')}`;
  switch (node.type) {
    case 'string':
      return node.maxLength !== undefined ? `string (at most ${node.maxLength} characters)` : 'string';
    case 'boolean':
      return '`true` or `false`';
    case 'integer':
    case 'number': {
      const noun = node.type === 'integer' ? 'whole number' : 'number';
      const min = node.minimum ?? (node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + 1 : undefined);
      const max = node.maximum !== undefined && node.maximum < Number.MAX_SAFE_INTEGER ? node.maximum : undefined;
      if (min !== undefined && max !== undefined) return `${noun}, ${min} to ${max}`;
      if (min !== undefined) return `${noun}, at least ${min}`;
      return noun;
    }
    case 'array': {
      const items = node.items ?? {};
      if (items.type === 'object') return `list of mappings (see ${code(sectionOf(items) ?? '?')})`;
      const inner = typeOf(items, sectionOf);
      const plural: Record<string, string> = { string: 'strings', 'whole number': 'whole numbers' };
      return `list of ${plural[inner] ?? inner.replace(/^whole number/, 'whole numbers')}`;
    }
    case 'object':
      return `mapping (see ${code(sectionOf(node) ?? '?')})`;
    default:
      return 'any';
  }
}

interface Section {
  /** Every key path with this exact shape (the six level-or-mapping categories share one). */
  paths: string[];
  node: JsonSchema;
  /** The key also accepts a bare level (`dependencies: review`). */
  orLevel: boolean;
  /** The description of the key that holds the mapping (of the list, for `key[]`). */
  intro: string | undefined;
}

/** A mapping's shape without its own description: keys described apart can still share a section. */
function shapeOf(node: JsonSchema): string {
  return JSON.stringify({ ...node, description: undefined });
}

/** Object nodes in document order, identical shapes merged into one section. */
function collectSections(root: JsonSchema): Section[] {
  const sections: Section[] = [];
  const byShape = new Map<string, Section>();
  const visit = (node: JsonSchema, path: string, orLevel = false, intro = node.description): void => {
    if (node.anyOf) {
      const level = node.anyOf.some((option) => option.enum !== undefined);
      for (const option of node.anyOf) visit(option, path, level, intro);
      return;
    }
    if (node.type === 'array' && node.items) {
      visit(node.items, `${path}[]`, false, intro);
      return;
    }
    if (node.type !== 'object' || !node.properties) return;
    const shape = shapeOf(node);
    const existing = byShape.get(shape);
    if (existing) {
      existing.paths.push(path);
      return;
    }
    const section: Section = { paths: [path], node, orLevel, intro };
    byShape.set(shape, section);
    sections.push(section);
    for (const [key, child] of Object.entries(node.properties)) visit(child, path ? `${path}.${key}` : key);
  };
  visit(root, '');
  return sections;
}

/** What to call the varying key of a shared section: `permissions.<category>`. */
const SHARED_NAMES: Record<string, string> = { permissions: 'category' };

function sectionTitle(section: Section): string {
  if (section.paths[0] === '') return 'top level';
  if (section.paths.length === 1) return section.paths[0]!;
  const parent = section.paths[0]!.split('.').slice(0, -1).join('.');
  return `${parent}.<${SHARED_NAMES[parent] ?? 'key'}>`;
}

function describe(node: JsonSchema): string {
  const own = node.description ?? '';
  const item = node.items?.description;
  const parts = [sentence(own)];
  if (item && node.items?.type !== 'object') parts.push(`Each: ${item}.`);
  return parts.filter(Boolean).join(' ');
}

function defaultOf(path: string, node: JsonSchema, defaults: Record<string, unknown>, sharedShape: boolean): string {
  // A mapping's defaults are in its own section, unless that section is shared by several keys.
  if (node.type === 'object' && !sharedShape) return 'see below';
  if (path === 'extends') return code('default');
  if (path === '$schema') return '—';
  if (path === 'agents') return `the built-in agents (${BUILTIN_AGENTS.map((agent) => code(agent.id)).join(', ')})`;
  return formatValue(lookup(defaults, path));
}

function renderSection(section: Section, defaults: Record<string, unknown>, sectionOf: (node: JsonSchema) => string | null): string[] {
  const title = sectionTitle(section);
  const shared = section.paths.length > 1;
  const inList = section.paths[0]!.includes('[]');
  const lines = [`### ${title === 'top level' ? 'Top level' : code(title)}`, ''];
  if (shared) {
    const keys = section.paths.map(code).join(', ');
    lines.push(
      section.orLevel
        ? `Each of ${keys} is a level, or this mapping. Their defaults are in the presets table above.`
        : `${keys} have this shape. Their defaults are in the presets table above.`,
      '',
    );
  } else if (title !== 'top level' && section.intro) {
    lines.push(sentence(section.intro), '');
  }
  const withDefault = !shared && !inList;
  lines.push(withDefault ? '| key | type | default | description |' : '| key | type | description |');
  lines.push(withDefault ? '|---|---|---|---|' : '|---|---|---|');
  const required = new Set(section.node.required ?? []);
  for (const [key, child] of Object.entries(section.node.properties ?? {})) {
    const base = section.paths[0]!;
    const path = base ? `${base}.${key}` : key;
    const type = `${typeOf(child, sectionOf)}${required.has(key) ? ' (required)' : ''}`;
    const description = describe(child);
    const cells = withDefault ? [code(key), type, defaultOf(path, child, defaults, sectionOf(child)?.includes('<') ?? false), description] : [code(key), type, description];
    lines.push(row(cells));
  }
  lines.push('');
  return lines;
}

function renderPresetsTable(presets: Record<string, Policy>): string[] {
  const names = PRESETS as readonly string[];
  const files = Object.fromEntries(names.map((name) => [name, policyToFile(presets[name]!)]));
  const rows: Array<{ label: string; path: string }> = [];
  const leaves = (node: unknown, path: string): void => {
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      const record = node as Record<string, unknown>;
      if ('level' in record) rows.push({ label: path, path: `${path}.level` });
      for (const [key, value] of Object.entries(record)) if (key !== 'level') leaves(value, `${path}.${key}`);
      return;
    }
    rows.push({ label: path, path });
  };
  for (const [key, value] of Object.entries(files.default!)) if (key !== 'extends' && key !== 'agents') leaves(value, key);
  const visible = rows.filter((r) => names.some((name) => formatValue(lookup(files[name], r.path)) !== 'none'));
  const lines = [
    `| setting | ${names.map(code).join(' | ')} |`,
    `|---|${names.map(() => '---').join('|')}|`,
    ...visible.map((r) => row([code(r.label), ...names.map((name) => formatValue(lookup(files[name], r.path)))])),
    '',
  ];
  return lines;
}

function renderAgentsTable(): string[] {
  const lines = ['| id | name | PR authors | branches | labels | body patterns | trailer patterns |', '|---|---|---|---|---|---|---|'];
  for (const agent of BUILTIN_AGENTS) {
    const list = (values: readonly (string | number)[]) => (values.length === 0 ? '—' : values.map((value) => code(String(value))).join(', '));
    lines.push(row([code(agent.id), agent.name, list(agent.authors), list(agent.branches), list(agent.labels), list(agent.body), list(agent.trailers)]));
  }
  lines.push('');
  return lines;
}

/** The body shared by docs/policy-reference.md and the README section. */
export function renderPolicyReferenceBody(presets: Record<string, Policy> = readPresets()): string {
  const schema = policyJsonSchema();
  const sections = collectSections(schema);
  const sectionOf = (node: JsonSchema): string | null => {
    const shape = shapeOf(node);
    const found = sections.find((section) => shapeOf(section.node) === shape);
    return found ? sectionTitle(found) : null;
  };
  const defaults = policyToFile(presets.default!);
  const lines = [
    '## Presets',
    '',
    'A policy file names the preset it is applied over with `extends` (`default` when absent). Keys you set replace the',
    "preset's values, lists included; everything else comes from the preset. `none` starts from an empty policy:",
    'every category `allow` (except `gate-config`, which is never below `review`) and no required approvals.',
    'The presets are plain YAML in [`policies/`](../policies/) to read and copy.',
    '',
    ...renderPresetsTable(presets),
    '## Keys',
    '',
    'Every key is optional. Unknown keys are errors that name the nearest valid key; every error names',
    '`file:line:column` (try `npx agent-pr-gate validate`). The default column is the `default` preset.',
    '',
    ...sections.flatMap((section) => renderSection(section, defaults, sectionOf)),
    '## Formats',
    '',
    '- **level**: `allow` (automatic, listed in the comment only), `review` (needs a counted approval from a',
    '  qualified human), `deny` (never from an agent: the verdict is `fail` unless an admin or maintainer applies',
    '  the override label after the latest push).',
    '- **glob**: picomatch syntax, matched against paths from the repository root; `**` crosses folders,',
    '  `*` does not (`infra/**`, `**/migrations/**`, `*.tf` matches only at the root).',
    '- **pattern**: a regular expression in RE2 syntax, matched in linear time (no backreferences or lookaround),',
    '  against each added line (`added-lines`), the PR body (`body`) or each `Co-authored-by:` value (`trailers`).',
    '  In YAML, quote patterns and double their backslashes: `"\\\\bstripe\\\\."`.',
    '- **reviewer**: a user login (`alice`) or a team (`@org/team`; reading team membership needs a token with',
    '  the `members: read` organization permission, otherwise the comment says it could not check).',
    '',
    '## Built-in agents',
    '',
    'Detection also reads commit authors, co-author trailers and timeline events; see the README. Override a',
    'definition with an `agents:` entry of the same `id` (fields you set replace the built-in ones), turn it off',
    'with `enabled: false`, or add your own.',
    '',
    ...renderAgentsTable(),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

export function renderPolicyReference(presets: Record<string, Policy> = readPresets()): string {
  return [
    '# Policy reference',
    '',
    '<!-- Generated by scripts/policy-reference.ts from src/config/schema.ts, policies/*.yml and the built-in',
    '     agents. Do not edit by hand: run `npm run docs`. A test fails when this file is stale. -->',
    '',
    'The policy file (`.github/agent-pr-gate.yml` unless the workflow\'s `config` input says otherwise) is read',
    'from the pull request\'s **base** commit, so a PR cannot change the rules it is judged by. Without a file the',
    '`default` preset applies. For completion and checks in your editor, start the file with',
    '',
    '```yaml',
    `# yaml-language-server: $schema=${SCHEMA_URL}`,
    '```',
    '',
    renderPolicyReferenceBody(presets),
  ].join('\n');
}

/**
 * README.md with the section between the markers regenerated (links written for docs/ made
 * relative to the root); unchanged when it has no such markers.
 */
export function updateReadme(readme: string, body: string, start = README_START, end = README_END): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) return readme;
  return `${readme.slice(0, from + start.length)}\n\n${body.replace(/\]\(\.\.\//g, '](')}\n${readme.slice(to)}`;
}

interface ActionField {
  description?: string;
  default?: unknown;
  required?: boolean;
}

/** The inputs or outputs table of action.yml, as the README shows it. */
export function renderActionTable(actionYml: string, section: (typeof ACTION_SECTIONS)[number]): string {
  const doc = parseDocument(actionYml);
  const problem = doc.errors[0];
  if (problem) throw new Error(`action.yml does not parse: ${problem.message.split('\n')[0]}`);
  const action = (doc.toJS() ?? {}) as Record<string, Record<string, ActionField> | undefined>;
  const fields = Object.entries(action[section] ?? {});
  const lines =
    section === 'inputs'
      ? ['| input | default | meaning |', '|---|---|---|']
      : ['| output | value |', '|---|---|'];
  for (const [name, field] of fields) {
    const description = sentence(String(field.description ?? '').replace(/\s+/g, ' '));
    if (section === 'inputs') lines.push(row([code(name), field.default === undefined || field.default === '' ? '—' : code(String(field.default)), description]));
    else lines.push(row([code(name), description]));
  }
  return `${lines.join('\n')}\n`;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The files this script owns, with their expected content. */
export function expectedFiles(root = ROOT): Array<{ path: string; text: string }> {
  const presets = readPresets(root);
  const files = [{ path: REFERENCE_PATH, text: renderPolicyReference(presets) }];
  for (const path of MARKED_PATHS) {
    const before = readText(join(root, path));
    if (before === null) continue;
    // The policy reference itself lives in docs/; a README that still marks a section for it gets it too.
    let text = path === 'README.md' ? updateReadme(before, renderPolicyReferenceBody(presets).replace(/^(#+) /gm, '#$1 ')) : before;
    const actionYml = readText(join(root, 'action.yml')) ?? '';
    for (const section of ACTION_SECTIONS) {
      const [start, end] = [`<!-- agent-pr-gate:${section}:start -->`, `<!-- agent-pr-gate:${section}:end -->`];
      if (text.includes(start)) text = updateReadme(text, renderActionTable(actionYml, section), start, end);
    }
    if (text !== before) files.push({ path, text });
  }
  return files;
}

function main(): void {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const file of expectedFiles()) {
    const path = join(ROOT, file.path);
    if (readText(path) === file.text) continue;
    if (check) stale.push(file.path);
    else {
      writeFileSync(path, file.text);
      console.log(`wrote ${file.path}`);
    }
  }
  if (stale.length > 0) {
    console.error(`stale: ${stale.join(', ')}: run \`npm run docs\` and commit the result`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
