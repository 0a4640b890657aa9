import { describe, expect, it } from 'vitest';
import { parseGateState, renderGateState, type GateState } from '../src/gate-state.js';
import { gateState } from './factories.js';

const state: GateState = gateState({ at: '2026-02-05T10:00:00Z', since: '2026-02-04T09:00:00Z' });

describe('gate state', () => {
  it('round-trips through the hidden line', () => {
    expect(parseGateState(`text\n${renderGateState(state)}\nmore`)).toEqual(state);
  });

  it('leaves nothing that can close the HTML comment or open a tag', () => {
    const line = renderGateState({ ...state, requester: 'x-->y<b>', findings: [{ category: 'custom', level: 'review', rule: '--!><script>' }] });
    const inner = line.slice('<!-- '.length, -' -->'.length);
    expect(inner).not.toMatch(/[<>]|--/);
    expect(parseGateState(line)?.findings[0]?.rule).toBe('--!><script>');
  });

  it('reads nothing from a malformed or foreign-shaped state', () => {
    expect(parseGateState('<!-- agent-pr-gate:state {"v":2} -->')).toBeNull();
    expect(parseGateState('<!-- agent-pr-gate:state {not json -->')).toBeNull();
    expect(parseGateState('no state here')).toBeNull();
  });
});
