import { describe, expect, it } from 'vitest';
import { COMMIT_TAIL, parseCoAuthor, readCoAuthors } from '../../src/detect/co-authors.js';
import { commit, user } from '../factories.js';

const ALICE = user('alice', 1);

describe('co-author trailers', () => {
  it('parses name, email, and the login and id of a noreply email', () => {
    expect(parseCoAuthor(' davidfowl <95136+davidfowl@users.noreply.github.com> ')).toEqual({
      value: 'davidfowl <95136+davidfowl@users.noreply.github.com>',
      name: 'davidfowl',
      email: '95136+davidfowl@users.noreply.github.com',
      login: 'davidfowl',
      id: 95136,
      suggestion: false,
    });
  });

  it('marks the accepted-suggestion trailer', () => {
    expect(parseCoAuthor('Copilot <175728472+Copilot@users.noreply.github.com>')?.suggestion).toBe(true);
  });

  it('reads trailers case-insensitively, each distinct value once, in commit order', () => {
    const commits = [
      commit(ALICE, 1, { message: 'a\n\nCo-authored-by: Bob <2+bob@users.noreply.github.com>\nco-authored-by: Claude <noreply@anthropic.com>' }),
      commit(ALICE, 2, { message: 'b\n\nCO-AUTHORED-BY: Bob <2+bob@users.noreply.github.com>\nSigned-off-by: Alice <a@x.dev>' }),
    ];
    expect(readCoAuthors(commits).map((coAuthor) => coAuthor.value)).toEqual(['Bob <2+bob@users.noreply.github.com>', 'Claude <noreply@anthropic.com>']);
  });

  it('reads only the tail of a huge commit message', () => {
    const early = 'Co-authored-by: Early <early@x.dev>\n';
    const message = `${early}${'x'.repeat(COMMIT_TAIL)}\n\nCo-authored-by: Late <late@x.dev>`;
    expect(readCoAuthors([commit(ALICE, 1, { message })]).map((coAuthor) => coAuthor.name)).toEqual(['Late']);
  });
});
