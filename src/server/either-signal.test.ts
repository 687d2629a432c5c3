import { describe, expect, it } from 'vitest';
import { eitherSignal } from './either-signal.js';

describe('eitherSignal', () => {
  it('aborts when either signal does, with its reason, and no more once released', () => {
    for (const which of [0, 1]) {
      const inputs = [new AbortController(), new AbortController()];
      const either = eitherSignal(inputs[0].signal, inputs[1].signal);
      expect(either.signal.aborted).toBe(false);
      inputs[which].abort(new Error(`input ${which}`));
      expect(either.signal.reason).toEqual(new Error(`input ${which}`));
    }
    const inputs = [new AbortController(), new AbortController()];
    const released = eitherSignal(inputs[0].signal, inputs[1].signal);
    released.release();
    inputs[0].abort();
    expect(released.signal.aborted).toBe(false);
  });

  it('starts aborted when an input already is', () => {
    const left = new AbortController();
    left.abort('gone');
    expect(eitherSignal(left.signal, new AbortController().signal).signal.reason).toBe('gone');
  });
});
