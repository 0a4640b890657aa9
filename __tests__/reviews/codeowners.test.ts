import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findOwners, matchTokens, parseCodeowners, tokenizePattern, type PatternToken } from '../../src/reviews/codeowners.js';
import { ALIGNED_STYLE, COMMENTED_OUT_STYLE, DOCS_STYLE, INLINE_COMMENT_STYLE, TEAMS_STYLE } from './codeowners-fixtures.js';

function ownersOf(text: string, path: string): string[] | null {
  const { rules } = parseCodeowners(text, 'CODEOWNERS');
  return findOwners(rules, path)?.owners ?? null;
}

/** Whether `pattern` (alone in a file) matches `path`. */
function matches(pattern: string, path: string): boolean {
  return ownersOf(`${pattern} @x`, path) !== null;
}

describe('CODEOWNERS pattern forms', () => {
  it.each([
    // pattern, path, matches
    ['*', 'README.md', true],
    ['*', 'a/b/c.txt', true],
    ['*.js', 'index.js', true],
    ['*.js', 'src/deep/app.js', true],
    ['*.js', 'src/app.jsx', false],
    ['/build/logs/', 'build/logs/today.log', true],
    ['/build/logs/', 'build/logs/2026/03/today.log', true],
    ['/build/logs/', 'src/build/logs/today.log', false],
    ['/build/logs/', 'build/logs', false],
    ['docs/*', 'docs/getting-started.md', true],
    ['docs/*', 'docs/build-app/troubleshooting.md', false],
    ['docs/*', 'src/docs/readme.md', false],
    ['apps/', 'apps/web/index.ts', true],
    ['apps/', 'services/apps/api/main.go', true],
    ['apps/', 'apps', false],
    ['/docs/', 'docs/a/b/c.md', true],
    ['/docs/', 'site/docs/a.md', false],
    ['**/logs', 'logs/a.log', true],
    ['**/logs', 'build/logs/a.log', true],
    ['**/logs', 'deeply/nested/logs/x/y.log', true],
    ['**/logs', 'build/logsx/a.log', false],
    ['/scripts/', 'scripts/deploy.sh', true],
    ['/scripts/', 'tools/scripts/deploy.sh', false],
    ['foo', 'foo', true],
    ['foo', 'a/foo/b', true],
    ['foo', 'a/foo.txt', false],
    ['/foo', 'bar/foo', false],
    ['foo/bar', 'foo/bar/baz', true],
    ['foo/bar', 'x/foo/bar', false],
    ['/*', 'top.txt', true],
    ['/*', 'dir/file.txt', false],
    ['f*', 'foo/bar/baz', true],
    ['f?o', 'foo', true],
    ['f?o', 'fooo', false],
    ['foo/*/baz', 'foo/bar/baz/qux', true],
    ['foo/*/baz', 'foo/baz', false],
    ['foo/**/bar', 'foo/bar', true],
    ['foo/**/bar', 'foo/a/b/bar/c', true],
    ['foo/**', 'foo', false],
    ['foo/**', 'foo/a/b', true],
    ['**', 'any/path.txt', true],
    ['/src/net_*', 'src/net_tcp.cc', true],
    ['/doc/contributing/**/*', 'doc/contributing/a/b.md', true],
    ['/doc/contributing/**/*', 'doc/contributing/b.md', true],
    ['/doc/contributing/**/*', 'doc/other.md', false],
    ['*.JS', 'app.js', false],
  ])('%s on %s → %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  it('ignores a leading slash on the file path', () => {
    expect(matches('/docs/', '/docs/a.md')).toBe(true);
  });
});

describe('parseCodeowners and findOwners on the documented example', () => {
  const parsed = parseCodeowners(DOCS_STYLE, '.github/CODEOWNERS');

  it('parses every rule without errors', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.rules.map((rule) => rule.pattern)).toEqual([
      '*',
      '*.js',
      '*.go',
      '*.txt',
      '/build/logs/',
      'docs/*',
      'apps/',
      '/docs/',
      '/scripts/',
      '**/logs',
      '/apps/',
      '/apps/vendor',
    ]);
  });

  it.each([
    ['README.md', ['@acme/everyone', '@lead-dev'], 3],
    ['src/app.js', ['@js-owner'], 6],
    ['cmd/main.go', ['go-team@example.com'], 9],
    ['notes/todo.txt', ['@acme/writers'], 11],
    ['build/logs/a.log', ['@log-owner'], 25],
    ['docs/getting-started.md', ['@docs-lead'], 21],
    ['docs/build-app/troubleshooting.md', ['@docs-lead'], 21],
    ['services/apps/api.rb', ['@app-owner'], 19],
    ['scripts/deploy.sh', ['@script-a', '@script-b'], 23],
    ['deeply/nested/logs/x.txt', ['@log-owner'], 25],
    ['apps/web/main.ts', ['@app-owner'], 28],
    ['apps/vendor/lib.c', [], 29],
  ])('%s is owned by %j (line %i)', (path, owners, line) => {
    expect(findOwners(parsed.rules, path)).toEqual({ owners, line });
  });

  it('keeps an inline comment out of the owners', () => {
    expect(parsed.rules[1]?.owners).toEqual(['@js-owner']);
  });

  it('returns null for a file no rule matches', () => {
    const { rules } = parseCodeowners('/infra/ @ops\n', 'CODEOWNERS');
    expect(findOwners(rules, 'src/index.ts')).toBeNull();
  });

  it('uses docs/* only for files directly in docs/ when /docs/ is absent', () => {
    const { rules } = parseCodeowners('docs/* docs@example.com\n', 'CODEOWNERS');
    expect(findOwners(rules, 'docs/getting-started.md')).toEqual({ owners: ['docs@example.com'], line: 1 });
    expect(findOwners(rules, 'docs/build-app/troubleshooting.md')).toBeNull();
  });

  it('lets the last matching line win even when an earlier line is more specific', () => {
    const { rules } = parseCodeowners('/src/core/ @core\n*.ts @ts\n', 'CODEOWNERS');
    expect(findOwners(rules, 'src/core/a.ts')).toEqual({ owners: ['@ts'], line: 2 });
    expect(findOwners(rules, 'src/core/a.rs')).toEqual({ owners: ['@core'], line: 1 });
  });
});

describe('invalid CODEOWNERS lines', () => {
  const text = ['* @default', '!foo @a', '[abc].js @b', '\\#file @c', '*.txt docs@', '***/*.rb @d', '/ @e', 'ok/ @f bad!owner'].join('\n');
  const parsed = parseCodeowners(text, '.github/CODEOWNERS');

  it('reports each invalid line with its number and reason', () => {
    expect(parsed.errors).toEqual([
      { line: 2, message: '.github/CODEOWNERS:2: `!foo`: negation (`!`) is not supported in CODEOWNERS; line skipped' },
      { line: 3, message: '.github/CODEOWNERS:3: `[abc].js`: character ranges (`[ ]`) are not supported in CODEOWNERS; line skipped' },
      { line: 4, message: '.github/CODEOWNERS:4: `\\#file`: escapes (`\\`) are not supported in CODEOWNERS; line skipped' },
      {
        line: 5,
        message: '.github/CODEOWNERS:5: invalid owner `docs@` (owners are @user, @org/team or an email); line skipped',
      },
      {
        line: 6,
        message: '.github/CODEOWNERS:6: `***/*.rb`: three asterisks in a row are not a valid pattern (did you mean `**`?); line skipped',
      },
      { line: 7, message: '.github/CODEOWNERS:7: `/`: the pattern `/` matches no file; line skipped' },
      {
        line: 8,
        message: '.github/CODEOWNERS:8: invalid owner `bad!owner` (owners are @user, @org/team or an email); line skipped',
      },
    ]);
  });

  it('skips invalid lines, so an earlier valid line still decides', () => {
    expect(parsed.rules.map((rule) => rule.line)).toEqual([1]);
    expect(findOwners(parsed.rules, 'foo')).toEqual({ owners: ['@default'], line: 1 });
    expect(findOwners(parsed.rules, 'a.js')).toEqual({ owners: ['@default'], line: 1 });
  });

  it('accepts users, teams and emails as owners', () => {
    const ok = parseCodeowners('* @user-1 @org/team.name_x first.last@example.co.uk', 'CODEOWNERS');
    expect(ok.errors).toEqual([]);
    expect(ok.rules[0]?.owners).toEqual(['@user-1', '@org/team.name_x', 'first.last@example.co.uk']);
  });

  it('handles Windows line endings and blank lines', () => {
    const { rules, errors } = parseCodeowners('# c\r\n\r\n/a/ @x\r\n', 'CODEOWNERS');
    expect(errors).toEqual([]);
    expect(rules.map((rule) => [rule.pattern, rule.owners, rule.line])).toEqual([['/a/', ['@x'], 3]]);
  });
});

describe('CODEOWNERS files in the styles maintainers use', () => {
  it('parses an aligned-column file with ** globs', () => {
    const { rules, errors } = parseCodeowners(ALIGNED_STYLE, '.github/CODEOWNERS');
    expect(errors).toEqual([]);
    expect(rules).toHaveLength(10);
    expect(findOwners(rules, 'Core/dictobject.c')?.owners).toEqual(['@maps-owner', '@core-lead']);
    expect(findOwners(rules, 'Lib/importer/util.py')?.owners).toEqual(['@loader-owner']);
    expect(findOwners(rules, 'Python/import.c')?.owners).toEqual(['@import-owner', '@loader-owner']);
    expect(findOwners(rules, 'Lib/test/test_parser/test_a.py')?.owners).toEqual(['@parser-owner']);
    expect(findOwners(rules, 'configure.ac')?.owners).toEqual(['@builder']);
    expect(findOwners(rules, 'sub/.ci/run.yml')?.owners).toEqual(['@ops-lead']);
    expect(findOwners(rules, '.ci/run.yml')?.owners).toEqual(['@ops-lead']);
    expect(findOwners(rules, 'Doc/library/os.rst')).toBeNull();
  });

  it('parses a teams-only file with anchored paths', () => {
    const { rules, errors } = parseCodeowners(TEAMS_STYLE, '.github/CODEOWNERS');
    expect(errors).toEqual([]);
    expect(rules).toHaveLength(7);
    expect(findOwners(rules, '.github/ISSUE_TEMPLATE/bug.md')?.owners).toEqual(['@acme/steering']);
    expect(findOwners(rules, '.github/ISSUE_TEMPLATE/sub/bug.md')).toBeNull();
    expect(findOwners(rules, 'doc/contributing/releases/a.md')?.owners).toEqual(['@acme/steering']);
    expect(findOwners(rules, 'lib/internal/streams/pipe.js')?.owners).toEqual(['@acme/streams']);
    expect(findOwners(rules, 'src/net_tcp.cc')?.owners).toEqual(['@acme/net', '@acme/core']);
    expect(findOwners(rules, 'deps/cares/src/x.c')?.owners).toEqual(['@acme/net']);
  });

  it('parses a file with comments after the owners', () => {
    const { rules, errors } = parseCodeowners(INLINE_COMMENT_STYLE, '.github/CODEOWNERS');
    expect(errors).toEqual([]);
    expect(rules.map((rule) => rule.owners)).toEqual([['@amy', '@ben', '@cho'], ['@ben'], ['@dana'], ['@gus'], ['@ivy']]);
    expect(findOwners(rules, 'core/ui/locales/de/common.json')?.owners).toEqual(['@dana']);
    expect(findOwners(rules, 'docs/conf.py')?.owners).toEqual(['@ivy']);
    expect(findOwners(rules, 'docs/sub/conf.py')).toBeNull();
  });

  it('parses a file with commented-out entries', () => {
    const { rules, errors } = parseCodeowners(COMMENTED_OUT_STYLE, 'CODEOWNERS');
    expect(errors).toEqual([]);
    expect(rules.map((rule) => rule.line)).toEqual([2, 5, 7, 9]);
    expect(findOwners(rules, 'internal/backend/remote-state/azure/backend.go')?.owners).toEqual(['@acme/core', '@acme/azure']);
    expect(findOwners(rules, 'internal/backend/remote-state/consul/backend.go')?.owners).toEqual(['@acme/core']);
    expect(findOwners(rules, 'builtin/provisioners/file/main.go')).toEqual({ owners: ['@acme/core'], line: 9 });
  });
});

/** A reference matcher: plain recursion over the tokens, exponential but obviously right. */
function referenceMatch(tokens: readonly PatternToken[], segments: readonly string[]): boolean {
  const [token, ...rest] = tokens;
  if (!token) return segments.length === 0;
  if (token.kind === 'globstar') {
    for (let skip = 0; skip <= segments.length; skip++) if (referenceMatch(rest, segments.slice(skip))) return true;
    return false;
  }
  const [segment, ...others] = segments;
  if (segment === undefined) return false;
  let ok: boolean;
  if (token.kind === 'segment') ok = segment.length > 0;
  else if (token.kind === 'literal') ok = token.text === segment;
  else ok = new RegExp(`^${token.text.replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(segment);
  return ok && referenceMatch(rest, others);
}

describe('segment matching', () => {
  it('agrees with a reference matcher on random patterns and paths', () => {
    const patternSegment = fc.constantFrom('a', 'b', 'ab', '*', '**', 'a*', '*b', '?b', 'a?');
    const pathSegment = fc.constantFrom('a', 'b', 'ab', 'ba', 'aab', 'bb');
    const pattern = fc
      .tuple(fc.boolean(), fc.array(patternSegment, { minLength: 1, maxLength: 5 }), fc.boolean())
      .map(([lead, segments, trail]) => `${lead ? '/' : ''}${segments.join('/')}${trail ? '/' : ''}`);
    const path = fc.array(pathSegment, { minLength: 1, maxLength: 6 }).map((segments) => segments.join('/'));
    fc.assert(
      fc.property(pattern, path, (source, filePath) => {
        const tokens = tokenizePattern(source);
        expect(matchTokens(tokens, filePath)).toBe(referenceMatch(tokens, filePath.split('/')));
      }),
      { numRuns: 2000 },
    );
  });

  it('answers hostile paths against many wildcards', () => {
    const { rules } = parseCodeowners('**/a/**/a/**/a/**/a/**/c @x\n*a*a*a*a*a*c @y\n', 'CODEOWNERS');
    expect(findOwners(rules, `${'a/'.repeat(3000)}b`)).toBeNull();
    expect(findOwners(rules, `${'a'.repeat(20000)}b`)).toBeNull();
    expect(findOwners(rules, `${'a/'.repeat(3000)}c`)).toEqual({ owners: ['@x'], line: 1 });
  });
});
