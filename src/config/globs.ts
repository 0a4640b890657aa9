/**
 * Globs in the policy are matched against repository-relative paths with picomatch. Mistakes that
 * would make a glob silently match nothing are reported when the policy is parsed.
 */
export function checkGlob(glob: string): string | null {
  if (glob.startsWith('/')) return 'is not a valid glob: paths are relative to the repository root, drop the leading `/`';
  if (glob.startsWith('./')) return 'is not a valid glob: paths are relative to the repository root, drop the leading `./`';
  if (glob.includes('\\')) return 'is not a valid glob: use `/` between folders, not `\\`';
  if (/\*\*\*/.test(glob)) return 'is not a valid glob: `***` is not a pattern, use `**` for any depth';
  let brackets = 0;
  let braces = 0;
  for (const char of glob) {
    if (char === '[') brackets++;
    else if (char === ']') brackets = Math.max(0, brackets - 1);
    else if (char === '{') braces++;
    else if (char === '}') braces--;
    if (braces < 0) return 'is not a valid glob: `}` without an opening `{`';
  }
  if (brackets > 0) return 'is not a valid glob: `[` without a closing `]`';
  if (braces > 0) return 'is not a valid glob: `{` without a closing `}`';
  return null;
}
