import { describe, expect, it } from 'vitest';
import { detectAgent } from '../../src/detect/detect-agent.js';
import { commit, createSnapshot, policyFrom, user } from '../factories.js';

const ALICE = user('alice', 1);

describe('detectAgent on hostile input', () => {
  // Not a benchmark: a generous bound that only a super-linear scan would break.
  it('handles a 1 MB body built to stress the patterns quickly and still finds the signature at its end', () => {
    const noise = 'Link to Devin run: https://app.devin.ai/session Requested by:** ** Generated with [Claude Code '.repeat(11_000);
    const body = `${noise}\n\n------\nhttps://chatgpt.com/codex/tasks/task_e_abc123`;
    expect(body.length).toBeGreaterThan(1_000_000);
    const policy = policyFrom({ agents: [{ id: 'agent', body: ['(a|aa)+#', '(x+x+)+y'] }] });
    const started = performance.now();
    const detection = detectAgent(policy, createSnapshot({ body }));
    const elapsed = performance.now() - started;
    expect(detection.agent).toBe('codex');
    expect(detection.signals.map((signal) => `${signal.kind}:${signal.value}`)).toEqual(['body:https://chatgpt.com/codex/tasks/task_e_abc123']);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('handles 250 commits with 1 MB messages full of trailers', () => {
    const trailers = Array.from({ length: 20_000 }, (_, i) => `Co-authored-by: Person ${i} <p${i}@x.dev>`).join('\n');
    const message = `Change\n\n${trailers}`;
    const commits = Array.from({ length: 250 }, (_, i) => commit(ALICE, i, { message }));
    const started = performance.now();
    const detection = detectAgent(policyFrom(), createSnapshot({ commits }));
    expect(detection.agent).toBeNull();
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('handles 250 commits whose huge messages all end in a signature', () => {
    const message = `${'Generated with [Claude Code '.repeat(40_000)}\n\nGenerated with [Claude Code](https://claude.ai/code)`;
    const commits = Array.from({ length: 250 }, (_, i) => commit(ALICE, i, { message }));
    const started = performance.now();
    const detection = detectAgent(policyFrom(), createSnapshot({ commits }));
    expect(detection.signals).toEqual([{ kind: 'trailer', agent: 'claude', value: 'Generated with [Claude Code]' }]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('cuts very long evidence short', () => {
    const policy = policyFrom({ agents: [{ id: 'agent', body: ['TASK-[A-Z]+'] }] });
    const detection = detectAgent(policy, createSnapshot({ body: `TASK-${'A'.repeat(500)}` }));
    expect(detection.signals[0]?.value).toBe(`TASK-${'A'.repeat(114)}…`);
  });
});
