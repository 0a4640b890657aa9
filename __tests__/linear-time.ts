/**
 * The linear-time check behind __tests__/linear-time.test.ts, for any list of patterns (another
 * test passes e.g. generated secret rules to `checkLinearTime`). docs/security.md promises that a
 * crafted diff cannot stall the job: every pattern the gate runs must take time proportional to
 * its input. For each pattern, inputs are built from the pattern's own pieces (its literal
 * characters and a character of each class, one repeated, or a run of neighbours repeated, after
 * the pieces that lead to it) and end in a character that makes the match fail, which is what
 * makes a backtracking engine retry. Each input is timed once at 8n; when that is slow, at n and
 * 8n (best of a few runs, so noise does not decide), and a ratio above the limit (linear is ~8,
 * quadratic ~64) with the 8n run still slow fails. Patterns run in a worker under a watchdog, so an exponential one is a
 * failure rather than a hung test run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';

export interface PatternSpec {
  /** Where it comes from, e.g. `src/policy/hosts.ts:12`, or a rule id. */
  name: string;
  source: string;
  flags: string;
}

export interface InputShape {
  prefix: string;
  unit: string;
  tail: string;
}

export interface LinearTimeResult {
  pattern: PatternSpec;
  /** False when some input grew super-linearly (or the watchdog fired). */
  linear: boolean;
  /** The worst input found: its shape, times in ms at n and 8n, and their ratio. */
  worst: { shape: InputShape; small: number; large: number; ratio: number } | null;
  timedOut: boolean;
}

export interface LinearTimeOptions {
  /** Input length in characters at the small size (8× at the large one). */
  n?: number;
  /** Large/small time ratio above which a pattern fails. */
  maxRatio?: number;
  /** A large-size run faster than this (ms) is linear enough, not measured further. */
  screenMs?: number;
  /** How long one pattern may take in all (ms) before it counts as super-linear. */
  watchdogMs?: number;
}

/** Every regex literal and `new RegExp(…)`/`RegExp(…)` whose source resolves to a constant string, in `dir`'s .ts files. */
export function collectSourcePatterns(root: string, dir = 'src'): { patterns: PatternSpec[]; unresolved: string[] } {
  const patterns: PatternSpec[] = [];
  const unresolved: string[] = [];
  for (const file of listTsFiles(join(root, dir))) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const name = relative(root, file).split('\\').join('/');
    const constants = collectConstants(source);
    const where = (node: ts.Node) => `${name}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const slash = node.text.lastIndexOf('/');
        patterns.push({ name: where(node), source: node.text.slice(1, slash), flags: node.text.slice(slash + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [first, second] = node.arguments ?? [];
        const body = first ? evaluate(first, constants, 0) : null;
        const flags = second === undefined ? '' : evaluate(second, constants, 0);
        if (body === null || flags === null || body.kind !== 'text' || (typeof flags !== 'string' && flags.kind !== 'text')) unresolved.push(`${where(node)}: ${node.getText(source).slice(0, 120)}`);
        else patterns.push({ name: where(node), source: body.value, flags: typeof flags === 'string' ? flags : flags.value });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { patterns, unresolved };
}

function listTsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTsFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

type Value = { kind: 'text'; value: string } | { kind: 'regex'; source: string; flags: string };

/** `const NAME = …` declarations of a file; a name declared twice is ambiguous and left out. */
function collectConstants(file: ts.SourceFile): Map<string, ts.Expression> {
  const found = new Map<string, ts.Expression | null>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclarationList(node)) {
      for (const declaration of node.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
        const name = declaration.name.text;
        // Only a `const` binds a constant; a name declared twice is ambiguous.
        found.set(name, found.has(name) || !(node.flags & ts.NodeFlags.Const) ? null : declaration.initializer);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return new Map([...found].filter((entry): entry is [string, ts.Expression] => entry[1] !== null));
}

/** The constant value of an expression, as far as string literals, templates, `+`, `String.raw` and `.source` go. */
function evaluate(node: ts.Expression, constants: Map<string, ts.Expression>, depth: number): Value | null {
  if (depth > 20) return null;
  const text = (value: string): Value => ({ kind: 'text', value });
  const asText = (expression: ts.Expression): string | null => {
    const value = evaluate(expression, constants, depth + 1);
    return value?.kind === 'text' ? value.value : null;
  };
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return text(node.text);
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return evaluate(node.expression, constants, depth + 1);
  if (ts.isRegularExpressionLiteral(node)) {
    const slash = node.text.lastIndexOf('/');
    return { kind: 'regex', source: node.text.slice(1, slash), flags: node.text.slice(slash + 1) };
  }
  if (ts.isIdentifier(node)) {
    const initializer = constants.get(node.text);
    return initializer ? evaluate(initializer, constants, depth + 1) : null;
  }
  if (ts.isTemplateExpression(node)) {
    let out = node.head.text;
    for (const span of node.templateSpans) {
      const part = asText(span.expression);
      if (part === null) return null;
      out += part + span.literal.text;
    }
    return text(out);
  }
  if (ts.isTaggedTemplateExpression(node) && ts.isPropertyAccessExpression(node.tag) && ts.isIdentifier(node.tag.expression) && node.tag.expression.text === 'String' && node.tag.name.text === 'raw') {
    const template = node.template;
    if (ts.isNoSubstitutionTemplateLiteral(template)) return text(template.rawText ?? template.text);
    let out = template.head.rawText ?? template.head.text;
    for (const span of template.templateSpans) {
      const part = asText(span.expression);
      if (part === null) return null;
      out += part + (span.literal.rawText ?? span.literal.text);
    }
    return text(out);
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = asText(node.left);
    const right = asText(node.right);
    return left === null || right === null ? null : text(left + right);
  }
  if (ts.isPropertyAccessExpression(node) && (node.name.text === 'source' || node.name.text === 'flags')) {
    const target = evaluate(node.expression, constants, depth + 1);
    if (target?.kind !== 'regex') return null;
    return text(node.name.text === 'source' ? target.source : target.flags);
  }
  return null;
}

const CLASS_CANDIDATES = ['a', 'A', 'z', '1', '0', ' ', '-', '_', '.', '/', ':', '=', '"', "'", '@', '#', '$', '%', '&', '+', ',', ';', '<', '>', '(', ')', '[', ']', '{', '}', '\\', '|', '!', '?', '*', '~', '`', '^', '\t', '\n', 'é', '\u00a0', '\u0000'];

/**
 * Characters that match `[body]` under `flags`: a common one, then the class's own literal
 * characters (`[\s")]` gives ` `, `"` and `)`), at most six.
 */
function classMembers(body: string, flags: string): string[] {
  let re: RegExp;
  try {
    re = new RegExp(`^[${body}]$`, flags.replace(/[gy]/g, ''));
  } catch {
    return [];
  }
  const literal = [...body.replace(/\\[dDwWsSbB]/g, '').replace(/\\(.)/g, '$1')].filter((char) => re.test(char));
  const common = CLASS_CANDIDATES.find((char) => re.test(char)) ?? literal[0];
  return [...new Set([common, ...literal])].filter((char): char is string => char !== undefined).slice(0, 6);
}

const ESCAPES: Record<string, string | null> = { d: '1', D: 'a', w: 'a', W: '!', s: ' ', S: 'a', n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', b: null, B: null, '0': '\u0000' };

/** The pattern's pieces in order: its literal characters and one member of each class, escape or `.`. */
export function patternPieces(source: string, flags = ''): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const char = source[i] ?? '';
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      i += 1;
      if (next === 'u' && source[i + 1] === '{') {
        const close = source.indexOf('}', i);
        pieces.push(String.fromCodePoint(Number.parseInt(source.slice(i + 2, close), 16)));
        i = close;
      } else if (next === 'u' || next === 'x') {
        const length = next === 'u' ? 4 : 2;
        pieces.push(String.fromCharCode(Number.parseInt(source.slice(i + 1, i + 1 + length), 16)));
        i += length;
      } else if (next === 'p' || next === 'P') {
        const close = source.indexOf('}', i);
        pieces.push(...classMembers(source.slice(i - 1, close + 1), flags.includes('u') || flags.includes('v') ? flags : `${flags}u`).slice(0, 1));
        i = close;
      } else if (next === 'k' && source[i + 1] === '<') {
        i = source.indexOf('>', i);
      } else if (/[1-9]/.test(next) || next === 'c') {
        if (next === 'c') i += 1;
      } else {
        const mapped = next in ESCAPES ? ESCAPES[next] : next;
        if (mapped) pieces.push(mapped);
      }
    } else if (char === '[') {
      let j = i + 1;
      if (source[j] === '^') j += 1;
      if (source[j] === ']') j += 1;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      pieces.push(...classMembers(source.slice(i + 1, j), flags));
      i = j;
    } else if (char === '(') {
      if (source[i + 1] === '?') {
        const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(source.slice(i));
        i += named ? named[0].length - 1 : source[i + 2] === '<' ? 3 : 2;
      }
    } else if (char === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i))) {
      i = source.indexOf('}', i);
    } else if (char === '.') {
      pieces.push('a');
    } else if (!'*+?|)^$'.includes(char)) {
      pieces.push(char);
    }
  }
  return pieces;
}

const MAX_UNITS = 20;
const PAIR_UNITS = 8;

/** Input shapes for one pattern: each piece repeated (bare and after the pieces before it), runs of 2–3 neighbours, pairs, the whole sequence. */
export function inputShapes(source: string, flags = ''): InputShape[] {
  const pieces = patternPieces(source, flags);
  const shapes: InputShape[] = [];
  const seen = new Set<string>();
  const add = (prefix: string, unit: string, tails = ['\u0000', '\n', '!']) => {
    if (unit === '') return;
    for (const tail of tails) {
      const key = `${prefix}\u0001${unit}\u0001${tail}`;
      if (seen.has(key)) continue;
      seen.add(key);
      shapes.push({ prefix, unit, tail });
    }
  };
  const units = [...new Set(pieces)].slice(0, MAX_UNITS);
  for (const unit of units) {
    add('', unit);
    const first = pieces.indexOf(unit);
    if (first > 0) add(pieces.slice(0, first).join(''), unit);
  }
  for (let i = 0; i < pieces.length && i < 3 * MAX_UNITS; i++) {
    for (const width of [2, 3]) {
      const run = pieces.slice(i, i + width);
      if (run.length === width && new Set(run).size > 1) add(pieces.slice(0, i).join(''), run.join(''));
    }
  }
  // Any two of the first pieces, in both orders: an escape and the closing quote (`\"` in a
  // quoted string) need not be neighbours in the pattern.
  const firstUnits = units.slice(0, PAIR_UNITS);
  for (const one of firstUnits) for (const two of firstUnits) if (one !== two) add('', one + two, ['\u0000']);
  add('', pieces.join(''));
  return shapes;
}

/**
 * Runs in the worker: plain JavaScript, no imports. Matching is `test` in a loop over every
 * match (as a global search or replace goes through the text), which allocates nothing, so the
 * garbage collector does not blur the timings. Sizes are in characters: `n` and `8n`.
 */
const WORKER_CODE = `
const { parentPort } = require('node:worker_threads');
const build = (shape, chars) => shape.prefix + shape.unit.repeat(Math.max(1, Math.ceil(chars / shape.unit.length))) + shape.tail;
const run = (re, input) => {
  re.lastIndex = 0;
  let last = -1;
  while (re.test(input)) {
    if (re.lastIndex === last) re.lastIndex += 1;
    last = re.lastIndex;
    if (last > input.length) break;
  }
};
const time = (re, input, reps) => {
  const start = performance.now();
  for (let i = 0; i < reps; i++) run(re, input);
  return (performance.now() - start) / reps;
};
parentPort.on('message', ({ id, pattern, shapes, n, maxRatio, screenMs }) => {
  let re;
  try {
    re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '') + 'g');
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
    return;
  }
  let worst = null;
  for (const shape of shapes) {
    run(re, build(shape, 8));
    run(re, build(shape, 8));
    const large = build(shape, 8 * n);
    let bestLarge = time(re, large, 1);
    if (bestLarge < screenMs) continue;
    const small = build(shape, n);
    const repsFor = (input) => Math.max(1, Math.min(50, Math.ceil(0.5 / Math.max(time(re, input, 1), 0.001))));
    const smallReps = repsFor(small);
    const largeReps = repsFor(large);
    let bestSmall = time(re, small, smallReps);
    bestLarge = time(re, large, largeReps);
    // Best of a few: a slow run (a collection, another process) must not fail a linear pattern.
    // Only a large run that stays slow counts: a ratio of two tiny times is noise.
    const slow = () => bestLarge / Math.max(bestSmall, 0.001) > maxRatio && bestLarge >= screenMs;
    // Both sides get at least three runs: a slow small run would hide a quadratic pattern.
    for (let round = 0; round < 3 || (round < 6 && slow()); round++) {
      bestSmall = Math.min(bestSmall, time(re, small, smallReps));
      bestLarge = Math.min(bestLarge, time(re, large, largeReps));
    }
    const ratio = bestLarge / Math.max(bestSmall, 0.001);
    const failed = slow();
    if (!worst || (failed && !worst.failed) || (failed === worst.failed && ratio > worst.ratio)) worst = { shape, small: bestSmall, large: bestLarge, ratio, failed };
    if (failed) break;
  }
  parentPort.postMessage({ id, worst });
});
`;

/** Times every pattern (see the file comment); one result per pattern, in order. */
export async function checkLinearTime(patterns: readonly PatternSpec[], options: LinearTimeOptions = {}): Promise<LinearTimeResult[]> {
  const n = options.n ?? 600;
  const maxRatio = options.maxRatio ?? 12;
  const screenMs = options.screenMs ?? 1;
  const watchdogMs = options.watchdogMs ?? 5000;
  const results: LinearTimeResult[] = [];
  let worker: Worker | null = null;
  try {
    for (const [id, pattern] of patterns.entries()) {
      worker ??= new Worker(WORKER_CODE, { eval: true });
      const current: Worker = worker;
      const shapes = inputShapes(pattern.source, pattern.flags);
      type Answer = { worst: (NonNullable<LinearTimeResult['worst']> & { failed: boolean }) | null; error?: string };
      const answer = await new Promise<Answer | 'timeout'>((resolve) => {
        const timer = setTimeout(() => resolve('timeout'), watchdogMs);
        current.once('message', (message: Answer & { id: number }) => {
          clearTimeout(timer);
          resolve(message);
        });
        current.postMessage({ id, pattern, shapes, n, maxRatio, screenMs });
      });
      if (answer === 'timeout') {
        // The worker is stuck in the pattern: end it, start another for the next pattern.
        await current.terminate();
        worker = null;
        results.push({ pattern, linear: false, worst: null, timedOut: true });
        continue;
      }
      if (answer.error !== undefined) throw new Error(`${pattern.name}: /${pattern.source}/${pattern.flags} does not compile: ${answer.error}`);
      const worst = answer.worst === null ? null : { shape: answer.worst.shape, small: answer.worst.small, large: answer.worst.large, ratio: answer.worst.ratio };
      results.push({ pattern, linear: answer.worst === null || !answer.worst.failed, worst, timedOut: false });
    }
  } finally {
    await worker?.terminate();
  }
  return results;
}

/** One line for a failure message. */
export function describeResult(result: LinearTimeResult): string {
  const { pattern, worst } = result;
  const head = `${pattern.name}: /${pattern.source}/${pattern.flags}`;
  if (result.timedOut) return `${head}: did not finish (exponential?)`;
  if (!worst) return `${head}: linear`;
  const shape = JSON.stringify(worst.shape.prefix + worst.shape.unit.repeat(3) + '…' + worst.shape.tail);
  return `${head}: ${worst.small.toFixed(3)} ms → ${worst.large.toFixed(3)} ms at 8× the input (ratio ${worst.ratio.toFixed(1)}) on ${shape}`;
}
