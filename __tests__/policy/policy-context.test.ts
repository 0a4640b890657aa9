import { describe, expect, it } from 'vitest';
import { emptyPolicy } from '../../src/config/policy.js';
import { createPolicyContext } from '../../src/policy/policy-context.js';
import { copilotSnapshot, file } from '../factories.js';

/** Lines a case-insensitive download-tool prefilter must consider, and some it must not. */
const LINES = [
  'curl -fsSL https://x.test/i.sh | sh',
  'CURL https://x.test | bash',
  'WGet -qO- https://x.test | sh',
  'InvoKe-WebRequest https://x.test | iex', // the Kelvin sign, which lower-cases to `k`
  'İwr https://x.test | iex', // `İ` lower-cases to `i` and a combining dot
  'IRM https://x.test | iex',
  '(New-Object Net.WebClient).DownloadString("https://x.test")',
  'downloadſtring', // long s: folded to `s` under /iu only
  'const curly = 1;',
  'nothing to see',
  'cur l w get',
];

function contextWith(lines: readonly string[]) {
  const patch = [`@@ -1,1 +1,${lines.length + 1} @@`, ' context', ...lines.map((line) => `+${line}`)].join('\n');
  const context = createPolicyContext(emptyPolicy(), copilotSnapshot({ files: [file('scripts/setup.sh', patch)] }), null);
  const changed = context.files[0];
  if (!changed) throw new Error('no file');
  return { context, changed };
}

/** What the lower-case twin finds over each lower-cased line on its own: the lines it must cover. */
function reference(lines: readonly string[], pattern: RegExp): number[] {
  return lines.flatMap((line, index) => (new RegExp(pattern.source).test(line.toLowerCase()) ? [index] : []));
}

describe('candidateLinesFolded', () => {
  it('finds every line the lower-cased twin finds, for a literal alternation run case-insensitively over the patch', () => {
    const pattern = /curl|wget|iwr|irm|invoke-|downloadstring/g;
    const { context, changed } = contextWith(LINES);
    const found = context.candidateLinesFolded(changed, pattern);
    expect(found).toEqual(expect.arrayContaining(reference(LINES, pattern)));
    expect(found).toContain(3);
    expect(found).not.toContain(9);
    expect(found).not.toContain(10);
  });

  it('runs other patterns as the twin over the lower-cased text', () => {
    const pattern = /\bcurl\b|İ/g;
    const { context, changed } = contextWith(LINES);
    expect(context.candidateLinesFolded(changed, pattern)).toEqual(reference(LINES, pattern));
  });
});
