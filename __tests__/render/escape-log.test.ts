import * as core from '@actions/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildAnnotations } from '../../src/render/annotations.js';
import { escapeForLog } from '../../src/render/escape-log.js';
import { finding, gateResult, location } from './result-factory.js';

/**
 * What the Actions runner would take as a workflow command in one line of output: after trimming
 * leading white space a line starting with `::`, or the older `##[` form anywhere in the line.
 * Lines end at LF, CR and (for readers that honour them) U+0085, U+2028, U+2029.
 */
function commandsIn(output: string): string[] {
  return output.split(/\r\n|[\r\n\u0085\u2028\u2029]/).filter((line) => /^[\s\u0085]*::/.test(line) || line.includes('##['));
}

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const ATTACKS = [
  'src/a.ts\n::error title=Pwned::owned',
  'x\r::warning::carriage return',
  '\n  ::stop-commands::abc123',
  '::stop-commands::abc123',
  '   ::add-mask::secret',
  '\u00a0\u2003::error::unicode blanks before',
  'a\u2028::error::line separator',
  'b\u0085::error::next line',
  'file %0A::error::encoded newline',
  '%0D%0A::error::encoded CRLF %25',
  'legacy ##[error]old form',
  '\u001b[31mcolour\u001b[0m\u0000nul',
];

describe('escapeForLog', () => {
  it.each(ATTACKS)('keeps %j on one line that is no workflow command', (text) => {
    const escaped = escapeForLog(text);
    expect(commandsIn(escaped)).toEqual([]);
    expect(escaped).not.toMatch(CONTROLS);
    expect(commandsIn(`agent-pr-gate: ${escaped}`)).toEqual([]);
  });

  it('shows line breaks and controls as visible escapes and leaves ordinary text alone', () => {
    expect(escapeForLog('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(escapeForLog('C:\\dir\\n')).toBe('C:\\\\dir\\\\n');
    expect(escapeForLog('::error::x')).toBe('\\u{3a}:error::x');
    expect(escapeForLog('  ::x')).toBe('  \\u{3a}:x');
    expect(escapeForLog('a ##[error]b')).toBe('a #\\u{23}[error]b');
    expect(escapeForLog('\u001b[0m')).toBe('\\u{1b}[0m');
    expect(escapeForLog('%0A stays %25 text')).toBe('%0A stays %25 text');
    expect(escapeForLog('std::fs in the middle is fine: src/a.ts')).toBe('std::fs in the middle is fine: src/a.ts');
  });

  it('never yields a command, a line break or a control for any string', () => {
    const piece = fc.constantFrom('::', '\n', '\r', '##[', '%0A', ' ', '\u00a0', '\u2028', 'error', 'stop-commands', '\\', 'a');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ unit: 'binary' })), { maxLength: 12 }), (pieces) => {
        const escaped = escapeForLog(pieces.join(''));
        return commandsIn(escaped).length === 0 && !CONTROLS.test(escaped);
      }),
    );
  });
});

describe('what reaches stdout through @actions/core', () => {
  let written = '';
  afterEach(() => vi.restoreAllMocks());
  const capture = () => {
    written = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written += String(chunk);
      return true;
    });
  };

  it('core.info of an escaped attack is one line and no command', () => {
    capture();
    for (const attack of ATTACKS) core.info(`agent-pr-gate: ${escapeForLog(attack)}`);
    expect(written.split('\n').filter(Boolean)).toHaveLength(ATTACKS.length);
    expect(commandsIn(written)).toEqual([]);
  });

  it('annotations carry the path as a property and the escaped text as one command each', () => {
    const path = 'src/x.ts\n::error title=Pwned::owned %0A::stop-commands::t';
    const annotations = buildAnnotations(
      gateResult({ verdict: 'fail', findings: [finding({ category: 'network', level: 'deny', message: `references evil.example in \`${path}\``, locations: [location(path, 2, '::warning::x')] })] }),
    );
    expect(annotations).toHaveLength(1);
    capture();
    for (const annotation of annotations) core.error(annotation.message, { title: annotation.title, file: annotation.file, startLine: 2 });
    // One line: the annotation we meant, whose file property is the exact path, encoded by @actions/core.
    const lines = written.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(commandsIn(written)).toEqual([lines[0]]);
    expect(lines[0]).toMatch(/^::error title=Agent PR Gate%3A network \(deny\),file=src\/x\.ts%0A%3A%3Aerror title=Pwned%3A%3Aowned %250A%3A%3Astop-commands%3A%3At,line=2::references/);
    expect(annotations[0]?.message).toContain('src/x.ts\\n::error title=Pwned::owned %0A::stop-commands::t');
  });
});
