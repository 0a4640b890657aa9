import { describe, expect, it } from 'vitest';
import { answerDespiteStatuses, keepDespiteStatuses } from '../../src/github/answer-despite-statuses.js';

const DATA = { repository: { pullRequest: { number: 1 } } };
const forbidden = (path: Array<string | number>) => ({ type: 'FORBIDDEN', path, message: 'Resource not accessible by integration' });

describe('answerDespiteStatuses', () => {
  it('keeps the answer when only statuses (head or replaced heads) could not be read', () => {
    const error = {
      data: DATA,
      errors: [
        forbidden(['repository', 'pullRequest', 'headCommit', 'nodes', 0, 'commit', 'status']),
        forbidden(['repository', 'pullRequest', 'timelineItems', 'nodes', 4, 'beforeCommit', 'status']),
      ],
    };
    expect(answerDespiteStatuses(error)).toBe(DATA);
  });

  it('refuses any other error, or an error without data', () => {
    expect(answerDespiteStatuses({ data: DATA, errors: [forbidden(['repository', 'pullRequest', 'comments'])] })).toBeNull();
    expect(answerDespiteStatuses({ errors: [forbidden(['repository', 'pullRequest', 'headCommit'])] })).toBeNull();
    expect(answerDespiteStatuses(new Error('socket hang up'))).toBeNull();
  });

  it('rethrows what it does not keep', async () => {
    const error = new Error('boom');
    await expect(keepDespiteStatuses(Promise.reject(error))).rejects.toBe(error);
    await expect(keepDespiteStatuses(Promise.resolve(DATA))).resolves.toBe(DATA);
  });
});
