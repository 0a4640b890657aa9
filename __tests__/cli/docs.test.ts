/**
 * The YAML in the documentation is meant to be copied: every ```yaml block of README.md and
 * docs/*.md must parse as GitHub parses it, a block that is a workflow must be one GitHub accepts
 * (see workflow-check.ts), and a block that is a policy must load without errors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadPolicy } from '../../src/config/load-policy.js';
import { checkTrust, checkWorkflow, keysOf, ROOT, yamlErrors, type Yaml } from './workflow-check.js';

const POLICY_KEYS = ['extends', 'bots', 'agents', 'permissions', 'network', 'reviews', 'overrides', 'metrics'];

interface Block {
  file: string;
  line: number;
  text: string;
}

function yamlBlocks(file: string): Block[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```ya?ml\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const end = lines.findIndex((line, j) => j > i && /^\s*```/.test(line));
    if (end < 0) break;
    // A block inside a list item is indented: take the indentation off, as a reader copying it does.
    blocks.push({ file, line: i + 2, text: lines.slice(i + 1, end).map((line) => line.slice(Math.min(indent, line.search(/\S|$/)))).join('\n') });
    i = end;
  }
  return blocks;
}

const files = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
const blocks = files.flatMap(yamlBlocks);

describe('YAML in README.md and docs/', () => {
  it('has blocks to check, including the quick start', () => {
    expect(blocks.length).toBeGreaterThan(5);
    expect(blocks.some((block) => block.file === 'README.md' && block.text.includes('pull_request_target'))).toBe(true);
    expect(blocks.some((block) => block.file === 'README.md' && block.text.startsWith('name: agent-pr-gate\non:'))).toBe(true);
  });

  it.each(blocks.map((block) => [`${block.file}:${block.line}`, block] as const))('%s is valid', (_where, block) => {
    expect(yamlErrors(block.text)).toEqual([]);
    const value = (parseDocument(block.text).toJS() ?? {}) as Yaml;
    const keys = keysOf(value);
    if (keys.includes('jobs') && keys.includes('on')) {
      expect(checkWorkflow(`${block.file}:${block.line}`, value)).toEqual([]);
      // No workflow the docs show runs the gate, or anything with a write token, from a PR's ref.
      expect(checkTrust(`${block.file}:${block.line}`, value)).toEqual([]);
    } else if (keys.length > 0 && keys.every((key) => POLICY_KEYS.includes(key) || key === '$schema')) {
      const loaded = loadPolicy(block.text, `${block.file}:${block.line}`);
      expect(loaded.ok ? [] : loaded.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([]);
    }
  });
});
