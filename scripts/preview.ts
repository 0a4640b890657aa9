// Writes the PR comment of every bundled example to preview/<name>.md and renders it to
// preview/<name>.html with a GitHub-flavoured markdown renderer, so the comment can be looked at
// before it reaches a PR. Runs the real core: `npx tsx scripts/preview.ts [name…]`.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';

const { EXAMPLES } = await import('../src/examples/index.js');
const { loadPolicy, formatPolicyError } = await import('../src/config/load-policy.js');
const { evaluateGate } = await import('../src/evaluate.js');
const { renderComment } = await import('../src/render/render-comment.js');

const outDir = fileURLToPath(new URL('../preview/', import.meta.url));
const wanted = process.argv.slice(2);
const examples = wanted.length > 0 ? EXAMPLES.filter((example) => wanted.includes(example.name)) : EXAMPLES;
const unknown = wanted.filter((name) => !EXAMPLES.some((example) => example.name === name));
if (unknown.length > 0) {
  console.error(`unknown example(s): ${unknown.join(', ')}; the examples are: ${EXAMPLES.map((example) => example.name).join(', ')}`);
  process.exit(1);
}

await mkdir(outDir, { recursive: true });
const index: string[] = [];
for (const example of examples) {
  const loaded = loadPolicy(example.policyText, example.snapshot.base.policy.path);
  if (!loaded.ok) {
    console.error(`${example.name}: the example's policy does not load:\n${loaded.errors.map(formatPolicyError).join('\n')}`);
    process.exitCode = 1;
    continue;
  }
  const result = evaluateGate(loaded.policy, example.snapshot, { now: new Date(example.now) });
  const markdown = renderComment(result);
  const body = marked.parse(markdown, { gfm: true, async: false });
  await writeFile(`${outDir}${example.name}.md`, `${markdown}\n`);
  await writeFile(`${outDir}${example.name}.html`, page(`${example.name} — ${result.verdict}`, example.description, body));
  index.push(`<li><a href="${encodeURIComponent(example.name)}.html">${escapeHtml(example.name)}</a> — <b>${result.verdict}</b>: ${escapeHtml(example.description)} (${markdown.length} characters)</li>`);
  console.log(`preview/${example.name}.md  ${result.verdict.padEnd(12)} ${markdown.length} characters`);
}
await writeFile(`${outDir}index.html`, page('Agent PR Gate — comment previews', 'One page per bundled example.', `<ul>${index.join('\n')}</ul>`));
console.log(`open ${outDir}index.html`);

function page(title: string, description: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; max-width: 880px; margin: 2em auto; padding: 0 1em; }
  .meta { color: #59636e; margin-bottom: 1em; }
  .comment { border: 1px solid #d1d9e0; border-radius: 6px; padding: 16px; }
  table { border-collapse: collapse; margin: 0 0 16px; display: block; overflow: auto; }
  th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
  tr:nth-child(2n) { background: #f6f8fa; }
  code { background: rgba(129, 139, 152, 0.12); border-radius: 6px; padding: 0.2em 0.4em; font: 85% ui-monospace, SFMono-Regular, Menlo, monospace; }
  h3, h4 { margin: 24px 0 16px; }
  details { margin: 0 0 16px; }
  summary { cursor: pointer; }
  sub { color: #59636e; }
  ul { padding-left: 2em; }
  li:has(> input[type=checkbox]) { list-style: none; margin-left: -1.4em; }
</style>
</head>
<body>
<div class="meta"><b>${escapeHtml(title)}</b><br>${escapeHtml(description)}</div>
<div class="comment">
${body}
</div>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);
}
