/**
 * docs/policy-reference.md is generated from the policy schema, the presets and the built-in
 * agents (scripts/policy-reference.ts). These tests fail when the committed reference (or the
 * README section between the markers) disagrees with a fresh generation: run `npm run docs`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  expectedFiles,
  policyJsonSchema,
  README_END,
  README_START,
  renderActionTable,
  renderPolicyReference,
  updateReadme,
} from '../../scripts/policy-reference.js';
import { removeDir, tempDir } from './cli-harness.js';

const ROOT = join(import.meta.dirname, '..', '..');

interface Node {
  properties?: Record<string, Node>;
  items?: Node;
  anyOf?: Node[];
}

function allKeys(node: Node): string[] {
  const own = Object.entries(node.properties ?? {}).flatMap(([key, child]) => [key, ...allKeys(child)]);
  return [...own, ...(node.items ? allKeys(node.items) : []), ...(node.anyOf ?? []).flatMap(allKeys)];
}

describe('the policy reference', () => {
  it.each(expectedFiles(ROOT).map((file) => [file.path, file.text] as const))('%s matches a fresh generation from the schema', (path, text) => {
    expect(readFileSync(join(ROOT, path), 'utf8')).toBe(text);
  });

  it('documents every key of the schema in a table row', () => {
    const reference = renderPolicyReference();
    const keys = [...new Set(allKeys(policyJsonSchema() as Node))];
    expect(keys.length).toBeGreaterThan(40);
    const missing = keys.filter((key) => !reference.includes(`| \`${key}\` |`));
    expect(missing).toEqual([]);
  });

  it('shows each preset\'s levels as policies/ sets them', () => {
    const reference = renderPolicyReference();
    expect(reference).toContain('| `permissions.workflows` | `review` | `deny` | `allow` | `allow` |');
    expect(reference).toContain('| `permissions.secrets` | `deny` | `deny` | `allow` | `allow` |');
    expect(reference).toContain('| `reviews.required-approvals` | `1` | `2` | `0` | `0` |');
    expect(reference).toContain('| `permissions.gate-config` | `review` | `review` | `review` | `review` |');
  });

  it('lists the built-in agents with their ids', () => {
    const reference = renderPolicyReference();
    for (const id of ['copilot', 'codex', 'claude', 'devin', 'cursor']) expect(reference).toMatch(new RegExp(`^\\| \`${id}\` \\|`, 'm'));
  });
});

describe('updateReadme', () => {
  it('replaces only the text between the markers, and links policies/ from the root', () => {
    const readme = `# Title\n\nintro\n\n${README_START}\nold text\n${README_END}\n\n## After\n`;
    expect(updateReadme(readme, '### Presets\n\nsee [policies](../policies/)\n')).toBe(
      `# Title\n\nintro\n\n${README_START}\n\n### Presets\n\nsee [policies](policies/)\n\n${README_END}\n\n## After\n`,
    );
  });

  it('leaves a README without markers as it is', () => {
    expect(updateReadme('# Title\n', 'body')).toBe('# Title\n');
  });
});

describe('renderActionTable', () => {
  const actionYml = [
    'name: x',
    'inputs:',
    '  config:',
    '    description: Path of the policy file.',
    '    default: .github/agent-pr-gate.yml',
    '  fail-on:',
    '    description: "`needs-review`, `fail` or `never` | pipes escaped"',
    'outputs:',
    '  verdict:',
    '    description: the verdict',
    '',
  ].join('\n');

  it('renders the inputs with their defaults and the outputs, escaping table pipes', () => {
    expect(renderActionTable(actionYml, 'inputs')).toBe(
      [
        '| input | default | meaning |',
        '|---|---|---|',
        '| `config` | `.github/agent-pr-gate.yml` | Path of the policy file. |',
        '| `fail-on` | — | `needs-review`, `fail` or `never` \\| pipes escaped. |',
        '',
      ].join('\n'),
    );
    expect(renderActionTable(actionYml, 'outputs')).toBe(['| output | value |', '|---|---|', '| `verdict` | the verdict. |', ''].join('\n'));
  });

  it('refuses an action.yml that does not parse', () => {
    expect(() => renderActionTable('inputs:\n  a:\n    description: needs `x: y` here\n', 'inputs')).toThrow(/^action\.yml does not parse: /);
  });
});

describe('expectedFiles', () => {
  it('regenerates the README sections between their markers from the schema and action.yml', () => {
    const files: Record<string, string> = {
      'action.yml': 'name: x\ninputs:\n  config:\n    description: the policy file\n    default: .github/agent-pr-gate.yml\noutputs:\n  verdict:\n    description: the verdict\n',
      'README.md': [
        '# Agent PR Gate',
        '<!-- agent-pr-gate:inputs:start -->',
        'OLD-TABLE-TEXT',
        '<!-- agent-pr-gate:inputs:end -->',
        '<!-- agent-pr-gate:outputs:start -->',
        '<!-- agent-pr-gate:outputs:end -->',
        README_START,
        README_END,
        '',
      ].join('\n'),
    };
    for (const name of ['default', 'strict', 'observe']) files[`policies/${name}.yml`] = readFileSync(join(ROOT, 'policies', `${name}.yml`), 'utf8');
    const root = tempDir(files);
    try {
      const readme = expectedFiles(root).find((file) => file.path === 'README.md');
      expect(readme).toBeDefined();
      const text = readme!.text;
      expect(text).toContain('<!-- agent-pr-gate:inputs:start -->\n\n| input | default | meaning |\n|---|---|---|\n| `config` | `.github/agent-pr-gate.yml` | the policy file. |\n\n<!-- agent-pr-gate:inputs:end -->');
      expect(text).toContain('<!-- agent-pr-gate:outputs:start -->\n\n| output | value |\n|---|---|\n| `verdict` | the verdict. |\n\n<!-- agent-pr-gate:outputs:end -->');
      expect(text).toContain(`${README_START}\n\n### Presets\n`);
      expect(text).not.toContain('OLD-TABLE-TEXT');
      expect(text).toContain('[`policies/`](policies/)');
    } finally {
      removeDir(root);
    }
  });
});
