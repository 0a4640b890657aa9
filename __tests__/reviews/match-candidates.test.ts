import { describe, expect, it } from 'vitest';
import { TEAM_PERMISSION_HINT, matchCandidates, teamKey } from '../../src/reviews/match-candidates.js';

describe('matchCandidates', () => {
  it('matches users by login in any case and with or without @', () => {
    expect(matchCandidates(['@Bob', 'carol'], ['bob', 'CAROL', 'dave'], { permissions: {}, teams: {} })).toEqual({
      satisfiedBy: ['bob', 'CAROL'],
      problems: [],
      unfetched: [],
    });
  });

  it('matches team members from the lookups, whatever the case of the team name', () => {
    const lookups = { permissions: {}, teams: { '@Acme/Platform': { members: ['Bob'] } } };
    expect(matchCandidates(['@acme/platform'], ['bob', 'carol'], lookups).satisfiedBy).toEqual(['bob']);
  });

  it('reports a team lookup error once, without repeating a team name the reason already has', () => {
    const lookups = {
      permissions: {},
      teams: {
        'acme/platform': { error: 'the token cannot read the members of @acme/platform (HTTP 403)' },
        'acme/infra': { error: 'HTTP 500' },
      },
    };
    expect(matchCandidates(['@acme/platform', '@acme/infra'], ['bob'], lookups)).toEqual({
      satisfiedBy: [],
      problems: ['the token cannot read the members of @acme/platform (HTTP 403)', 'cannot read team @acme/infra: HTTP 500'],
      unfetched: [],
    });
  });

  it('reports teams that were not fetched and email owners it cannot resolve', () => {
    expect(matchCandidates(['@acme/ops', 'ops@example.com'], ['bob'], { permissions: {}, teams: {} })).toEqual({
      satisfiedBy: [],
      problems: ['cannot match code owner ops@example.com to a GitHub account (name owners as @login in CODEOWNERS)'],
      unfetched: [`cannot read team @acme/ops: ${TEAM_PERMISSION_HINT}`],
    });
  });
});

describe('teamKey', () => {
  it.each([
    ['@acme/platform', 'acme/platform'],
    ['Acme/Platform', 'acme/platform'],
    ['alice', null],
    ['@alice', null],
    ['ops@example.com', null],
  ])('%s → %s', (candidate, key) => {
    expect(teamKey(candidate)).toBe(key);
  });
});
