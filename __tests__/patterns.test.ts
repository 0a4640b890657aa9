import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_AGENTS } from '../src/detect/agents.js';
import { BUILTIN_PATTERN_SOURCES, checkPattern, compileAnyOf, compilePattern } from '../src/patterns.js';

const SOURCES = [...BUILTIN_PATTERN_SOURCES];

/**
 * Why a built-in source may run on a backtracking engine, or the reason it may not. Every repeat
 * must be of a single character or class (never of a group); at most one may be unbounded, and
 * that one must be where backtracking cannot pile up: at the end of the pattern, in a pattern
 * anchored at the start, or over a class that cannot match the pattern's first character (so the
 * runs tried from different starting points do not overlap).
 */
function backtrackingRisk(source: string): string | null {
  let unbounded = 0;
  let lastAtom = '';
  let riskyClass: string | null = null;
  let riskyAtEnd = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] ?? '';
    let atom = char;
    if (char === '\\') atom = source.slice(i, (i += 1) + 1);
    else if (char === '[') {
      const close = source.indexOf(']', i + 1 + (source[i + 1] === ']' ? 1 : 0));
      atom = source.slice(i, close + 1);
      i = close;
    } else if (char === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i))) {
      const close = source.indexOf('}', i);
      const body = source.slice(i + 1, close);
      if (lastAtom === ')') return `a repeated group: ${source.slice(0, close + 1)}`;
      if (body.endsWith(',')) {
        unbounded += 1;
        riskyClass = lastAtom;
        riskyAtEnd = close === source.length - 1;
      }
      i = close;
      continue;
    } else if (char === '*' || char === '+' || char === '?') {
      if (lastAtom === ')') return `a repeated group: ${source.slice(0, i + 1)}`;
      if (char !== '?') {
        unbounded += 1;
        riskyClass = lastAtom;
        riskyAtEnd = i === source.length - 1;
      }
      continue;
    }
    lastAtom = atom;
  }
  if (unbounded > 1) return 'two unbounded repeats';
  if (unbounded === 0 || riskyAtEnd || source.startsWith('^')) return null;
  const first = /^\\?(.)/.exec(source)?.[1] ?? '';
  if (riskyClass !== null && new RegExp(`^${riskyClass}$`, 'iu').test(first)) return `an unbounded ${riskyClass} that can match the first character ${first}`;
  return null;
}

/** Bodies and commit messages the built-in patterns are meant for, and near misses. */
const CORPUS = [
  '<!-- START COPILOT CODING AGENT TIPS -->\n---\nTips for getting started',
  '<!-- start copilot coding agent tips -->',
  'Fixes #12\n\nhttps://chatgpt.com/codex/tasks/task_e_68a1b2c3d4e5f6',
  'HTTPS://CHATGPT.COM/CODEX/TASKS/TASK_',
  '🤖 Generated with [Claude Code](https://claude.com/claude-code)',
  'Claude-Session: https://claude.ai/code/session_01',
  'Claude-Session:\t\n  https://claude.com/code/x',
  'Claude Opus 4 <noreply@anthropic.com>',
  'Claude <no-reply@anthropic.com>',
  'Claude <noreply@anthropic.com> trailing',
  'Link to Devin run: https://app.devin.ai/sessions/abc',
  'Link to Devin run — https://app.devin.ai/sessions/abc',
  'devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>',
  'Devin AI <devin@cognition.ai>',
  'copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>',
  'Cursor Agent <cursoragent@cursor.com>',
  'see https://cursor.com/agents/bc-1234',
  'claude[bot]',
  'ſ K k s', // letters Unicode case folding maps onto ASCII
  'Claude-Session:\v https://claude.ai/code/x', // \v: not RE2 whitespace
  'Claude-Session:\u00a0https://claude.ai/code/x',
];

describe('built-in patterns', () => {
  it.each(SOURCES)('%s is valid RE2 and valid for V8 with the u flag', (source) => {
    expect(checkPattern(source)).toBeNull();
    expect(() => new RegExp(source, 'iu')).not.toThrow();
  });

  it.each(SOURCES)('%s cannot make V8 backtrack more than linearly', (source) => {
    expect(backtrackingRisk(source)).toBeNull();
  });

  it('the linearity check rejects what it must', () => {
    expect(backtrackingRisk('(ab)+c')).toMatch(/repeated group/);
    expect(backtrackingRisk('(a|b){2,}x')).toMatch(/repeated group/);
    expect(backtrackingRisk('a\\s*b\\s*c')).toBe('two unbounded repeats');
    expect(backtrackingRisk('x[^<]*<')).toMatch(/can match the first character x/);
    expect(backtrackingRisk('^x[^<]*<')).toBeNull();
    expect(backtrackingRisk('task_[a-z]+')).toBeNull();
    expect(backtrackingRisk('key:\\s*v')).toBeNull();
  });

  it('are the built-in agents’ body and trailer patterns', () => {
    expect(SOURCES.length).toBe(BUILTIN_AGENTS.reduce((sum, agent) => sum + agent.body.length + agent.trailers.length, 0));
  });

  it.each(SOURCES)('%s finds the same match on V8 as on RE2 (corpus)', (source) => {
    const native = compilePattern(source);
    const re2 = compilePattern(source, { engine: 're2' });
    for (const text of CORPUS) expect(native.find(text), text).toEqual(re2.find(text));
  });

  it('find the same matches on V8 as on RE2 (generated text)', () => {
    // Not ſ or the Kelvin sign next to a word boundary: see compileNative.
    const pieces = [...CORPUS.flatMap((text) => text.split(/(?<=[\s:/<>])/)), ' ', '\n', '\t', '\v', '\u00a0', '\r', 'İ', '<', '>', '@', '_', '-'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
    for (const source of SOURCES) {
      const native = compilePattern(source);
      const re2 = compilePattern(source, { engine: 're2' });
      fc.assert(
        fc.property(text, (sample) => {
          expect(native.find(sample)).toEqual(re2.find(sample));
        }),
        { numRuns: 300 },
      );
    }
  });

  it('a union of built-ins matches like its RE2 twin, and a union with a policy pattern runs on RE2', () => {
    const bodies = BUILTIN_AGENTS.flatMap((agent) => agent.body);
    const union = compileAnyOf(bodies);
    const twin = compilePattern(bodies.map((source) => `(?:${source})`).join('|'), { engine: 're2' });
    for (const text of CORPUS) expect(union?.find(text), text).toEqual(twin.find(text));
    const mixed = compileAnyOf([...bodies, 'Made by (a+)+ agent']);
    // RE2 runs the nested repeat in linear time; V8 would backtrack exponentially.
    expect(mixed?.test(`Made by ${'a'.repeat(5000)}!`)).toBe(false);
    expect(compileAnyOf([])).toBeNull();
  });
});

describe('policy patterns', () => {
  it('run on RE2: nested repeats cost linear time', () => {
    expect(compilePattern('^(a+)+$').test(`${'a'.repeat(20000)}!`)).toBe(false);
  });

  it('explain what RE2 does not support', () => {
    expect(checkPattern('(a)\\1')).toMatch(/backreferences/);
    expect(checkPattern('foo(?=bar)')).toMatch(/lookahead/);
  });
});
