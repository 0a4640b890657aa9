/** Finds the regexes of a source tree with the TypeScript parser (see ../linear-time.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import type { PatternSpec } from './types.js';

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

