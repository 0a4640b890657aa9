import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { encodePath, escapeHtml, escapeMarkdown, escapeMessage, inlineCode, markdownLink, truncateMiddle, truncateText } from '../../src/render/escape.js';
import { COMMENT_MARKER, MAX_COMMENT_LENGTH, renderComment } from '../../src/render/render-comment.js';
import { copilotDetection, finding, gateResult, location, requirement, reviewStatus } from './result-factory.js';

const ZWJ = '\u200D';
const ZWSP = '\u200B';
/** The characters of HOSTILE that the escaping replaces with U+FFFD. */
const UNSAFE = new RegExp(`[\u202E\u202C${String.fromCharCode(7)}]`, 'g');

function html(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false });
}

/** The text a browser would show for a fragment of rendered HTML (tags dropped, entities decoded). */
function visibleText(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[\u200B\u200D]/g, '')
    .trim();
}

const HOSTILE = [
  'a | b || c',
  'tick ` and ``` fence',
  '</details><details open><summary>pwned</summary>',
  COMMENT_MARKER,
  '<img src=x onerror=alert(1)>',
  'ping @acme/security-team and @everyone',
  '[click](javascript:alert(1)) ![x](https://evil.example/t.png)',
  'line one\nline two\r\n# heading\n- [x] approved',
  '**bold** _em_ ~~strike~~ <b>tag</b> &amp; &lt;',
  'ends with a backslash \\',
  '1. not a list',
  '> not a quote',
  '$x^2$ math and :tada: and #123',
  'bidi \u202Eevil\u202C and \u0007 bell',
];

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('renders %j as exactly its own text, on one line, in a paragraph', (text) => {
    const rendered = html(`Title: ${escapeMarkdown(text)}`);
    expect(rendered.match(/<(?!\/?p>)[a-z!/][^>]*>/gi)).toBeNull();
    const expected = `Title: ${text.replace(/\r\n|[\r\n]/g, ' ').replace(UNSAFE, '\uFFFD')}`.trim();
    expect(visibleText(rendered)).toBe(expected);
  });

  it.each([...HOSTILE, '- item', '# title #', '+ plus', '2) two', '=== setext'])('renders %j at the start of a list item as the item\'s text only', (text) => {
    const rendered = html(`- ${escapeMarkdown(text)}`);
    expect(rendered.match(/<li>/g)).toHaveLength(1);
    expect(rendered.match(/<(?!\/?(ul|li)>)[a-z!/][^>]*>/gi)).toBeNull();
    expect(visibleText(rendered)).toBe(text.replace(/\r\n|[\r\n]/g, ' ').replace(UNSAFE, '\uFFFD').trim());
  });

  it('keeps a closing # sequence in a heading', () => {
    expect(visibleText(html(`### ✅ Pass — ${escapeMarkdown('fix issue #')}`))).toBe('✅ Pass — fix issue #');
  });

  it.each(HOSTILE)('keeps %j inside its own table cell', (text) => {
    const rendered = html(`| a | b |\n|---|---|\n| ${escapeMarkdown(text)} | after |`);
    const cells = rendered.match(/<td>[\s\S]*?<\/td>/g) ?? [];
    expect(cells).toHaveLength(2);
    expect(cells[1]).toBe('<td>after</td>');
    expect(cells[0]?.match(/<(?!\/?td>)[a-z!/][^>]*>/gi)).toBeNull();
  });

  it('never produces the comment marker, an HTML comment or a tag', () => {
    const out = escapeMarkdown(`x ${COMMENT_MARKER} <!-- y --> </details> <script>`);
    expect(out).not.toContain('<');
    expect(out).not.toContain(COMMENT_MARKER);
  });

  it('breaks mentions and issue references with a zero-width joiner, but not e-mail addresses or versions', () => {
    expect(escapeMarkdown('@acme/team cc @bob, see #12 and lodash@4.17.21, x@y.z')).toBe(
      `@${ZWJ}acme/team cc @${ZWJ}bob, see \\#${ZWJ}12 and lodash@4.17.21, x@y.z`,
    );
  });

  it('breaks bare URLs so a PR title cannot become a link in the gate\'s comment', () => {
    const rendered = html(escapeMarkdown('see https://evil.example/login and www.evil.example'));
    expect(rendered).not.toContain('<a');
  });

  it('cuts a 100 KB string to the requested length', () => {
    const out = escapeMarkdown('a'.repeat(100_000), 300);
    expect(out).toBe(`${'a'.repeat(299)}…`);
  });

  it('does not split a surrogate pair when cutting', () => {
    expect(truncateText('ab😀cd', 4)).toBe('ab…');
    expect(truncateText('abc😀d', 5)).toBe('abc…');
  });
});

describe('inlineCode', () => {
  it.each([
    ['plain', '`plain`'],
    ['a`b', '``a`b``'],
    ['``x```', '```` ``x``` ````'],
    ['`lead', '`` `lead ``'],
    ['', '` `'],
  ])('fences %j as %s', (text, expected) => {
    expect(inlineCode(text)).toBe(expected);
  });

  it.each(HOSTILE)('shows %j literally inside one code span', (text) => {
    const rendered = html(`x ${inlineCode(text)} y`);
    const codes = rendered.match(/<code>[\s\S]*?<\/code>/g) ?? [];
    expect(codes).toHaveLength(1);
    const expected = text.replace(/\r\n|[\r\n\t]/g, ' ').replace(UNSAFE, '\uFFFD').trim();
    expect(visibleText(codes[0] ?? '')).toBe(expected);
  });

  it('never holds the marker or a closing tag in its source', () => {
    const out = inlineCode(`${COMMENT_MARKER} </details> <img>`);
    expect(out).not.toContain(COMMENT_MARKER);
    expect(out).not.toContain('</details>');
    expect(out).toContain(`<${ZWSP}!-- agent-pr-gate -->`);
  });

  it('escapes pipes in table cells, so code there shows the real `|`, not a look-alike', () => {
    const rendered = html(`| a | b |\n|---|---|\n| ${inlineCode('x \\| y | z', { table: true })} | after |`);
    expect(rendered.match(/<td>/g)).toHaveLength(2);
    expect(rendered).toContain('<td>after</td>');
    expect(visibleText(rendered.match(/<code>.*?<\/code>/)?.[0] ?? '')).toBe('x \\| y | z');
    expect(rendered).not.toContain('\uFF5C');
  });
});

describe('escapeMessage', () => {
  it('turns backtick pairs of the core\'s sentences into code spans and escapes the rest', () => {
    expect(escapeMessage('`reviews.codeowners` is on | see @bob')).toBe(`\`reviews.codeowners\` is on \\| see @${ZWJ}bob`);
  });

  it.each(HOSTILE)('keeps %j inside its own table cell, with no HTML', (text) => {
    const rendered = html(`| a | b |\n|---|---|\n| ${escapeMessage(`adds \`${text}\` and ${text}`, 500, { table: true })} | after |`);
    const cells = rendered.match(/<td>[\s\S]*?<\/td>/g) ?? [];
    expect(cells).toHaveLength(2);
    expect(cells[1]).toBe('<td>after</td>');
    expect(cells[0]?.match(/<(?!\/?(td|code)>)[a-z!/][^>]*>/gi)).toBeNull();
  });

  it('leaves an unpaired backtick as a literal backtick', () => {
    expect(visibleText(html(escapeMessage('one ` two')))).toBe('one ` two');
  });
});

describe('links and HTML', () => {
  it('percent-encodes path segments, parentheses included', () => {
    expect(encodePath('docs/a b/(x)#1?.md')).toBe('docs/a%20b/%28x%29%231%3F.md');
  });

  it('renders a hostile path as one link to the encoded URL', () => {
    const path = 'a](javascript:alert(1))/b) [c';
    const rendered = html(markdownLink(path, `https://github.com/o/r/blob/abc/${encodePath(path)}`));
    expect(rendered.match(/<a /g)).toHaveLength(1);
    expect(rendered).toContain('href="https://github.com/o/r/blob/abc/a%5D%28javascript%3Aalert%281%29%29/b%29%20%5Bc"');
    expect(visibleText(rendered)).toBe(path);
  });

  it('does not link to a URL that is not http(s)', () => {
    expect(markdownLink('x', 'javascript:alert(1)')).toBe('x');
  });

  it('escapes text for HTML contexts with entities only', () => {
    expect(escapeHtml('<b>"x" & y</b>\nz')).toBe('&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt; z');
  });

  it('keeps both ends of a long path', () => {
    expect(truncateMiddle('src/aaaaaaaaaa/bbbbbbbbbb/cccccccccc/file.ts', 20)).toBe('src/aaa…cccc/file.ts');
  });
});

describe('renderComment with hostile PR data', () => {
  const hostile = HOSTILE.join(' ');
  const result = gateResult({
    verdict: 'needs-review',
    summary: `Needs review: ${hostile}`,
    pr: {
      number: 42,
      headSha: 'a'.repeat(40),
      url: 'https://github.com/acme/widgets/pull/42',
      title: hostile,
      repo: { owner: 'acme', name: 'widgets' },
      state: 'open',
    },
    detection: copilotDetection({
      requester: '@everyone</details>',
      signals: [
        { kind: 'branch', agent: 'copilot', value: `copilot/${hostile}` },
        { kind: 'label', agent: 'copilot', value: COMMENT_MARKER },
      ],
    }),
    findings: Array.from({ length: 8 }, (_, i) =>
      finding({
        category: 'custom',
        rule: `r${i}`,
        message: hostile,
        reviewers: ['@acme/security-team'],
        locations: [location(`dir/${hostile}/${i}.ts`, i + 1, hostile)],
      }),
    ),
    reviews: reviewStatus({
      ignored: [{ login: '<img src=x onerror=alert(1)>', reason: 'stale', detail: hostile }],
      requirements: [requirement({ description: hostile, candidates: ['@acme/security-team'], problem: hostile })],
      notes: [hostile],
      changesRequestedBy: ['@everyone'],
    }),
    incomplete: [{ kind: 'read', text: hostile }],
  });
  const body = renderComment(result);
  const rendered = html(body);

  it('holds the marker exactly once, at the start', () => {
    expect(body.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    expect(body.split(COMMENT_MARKER)).toHaveLength(2);
    expect(body.split('<!--')).toHaveLength(2);
  });

  it('opens and closes only its own details blocks', () => {
    expect(body.split('<details>').length - 1).toBe(1);
    expect(body.split('</details>').length - 1).toBe(1);
    expect(rendered.match(/<details>/g)).toHaveLength(1);
    expect(rendered.match(/<\/details>/g)).toHaveLength(1);
    expect(rendered).not.toContain('<details open');
  });

  it('renders no HTML from the PR: no images, scripts, bold tags or javascript links', () => {
    expect(rendered).not.toMatch(/<img/i);
    expect(rendered).not.toMatch(/<script/i);
    expect(rendered).not.toMatch(/<b>/i);
    expect(rendered).not.toMatch(/href="javascript/i);
    expect(rendered).not.toMatch(/<h1/i);
    // The only links are the gate's own: file links, the PR and the head commit.
    const hrefs = [...rendered.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs.every((href) => href?.startsWith('https://github.com/acme/widgets/'))).toBe(true);
  });

  it('pings nobody: every @ in the text is followed by a zero-width joiner or sits in code', () => {
    const withoutCode = body.replace(/(`+)[\s\S]*?\1/g, '');
    expect(withoutCode).not.toMatch(/(?<![A-Za-z0-9_])@[A-Za-z0-9]/);
  });

  it('keeps every finding in its own table row of four cells', () => {
    const rows = rendered.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
    const findingRows = rows.filter((row) => row.includes('<td>custom: r'));
    expect(findingRows).toHaveLength(8);
    for (const row of findingRows) expect(row.match(/<td>/g)).toHaveLength(4);
  });

  it('stays under the length limit with 100 KB strings everywhere', () => {
    const huge = `${hostile} ${'|`<@x'.repeat(20_000)}`;
    const giant = renderComment({
      ...result,
      summary: huge,
      pr: { ...result.pr, title: huge },
      detection: copilotDetection({ requester: huge, requesterSource: huge, agentName: huge, reason: huge }),
      findings: [finding({ message: huge, rule: huge, reviewers: [huge], locations: [location(huge, 1, huge)] })],
      reviews: reviewStatus({ requirements: [requirement({ description: huge, candidates: [huge], problem: huge })], notes: [huge], ignored: [{ login: huge, reason: huge, detail: huge }] }),
      incomplete: [{ kind: 'read', text: huge }],
    });
    expect(giant.length).toBeLessThan(20_000);
    expect(giant.length).toBeLessThan(MAX_COMMENT_LENGTH);
  });
});
