import { describe, expect, it } from 'vitest';
import { SharedWork } from '../../src/domain/shared-work.ts';

function setup(options: { ttlMs?: number; maxEntries?: number } = {}) {
  let now = 0;
  let computed = 0;
  const work = new SharedWork<string>({ ttlMs: options.ttlMs ?? 1000, clock: () => now, maxEntries: options.maxEntries });
  const ask = (key: string, fail = false, at = 0) =>
    work.get(
      key,
      async () => {
        computed += 1;
        if (fail) throw new Error(`failed ${key}`);
        return `${key}#${computed}`;
      },
      at,
    );
  return { work, ask, computed: () => computed, advance: (ms: number) => (now += ms) };
}

describe('SharedWork', () => {
  it.each([
    // asks as [ms after the previous ask, key]; the answers each ask gets
    [
      'one crowd, one key: computed once',
      [
        [0, 'a'],
        [0, 'a'],
        [10, 'a'],
        [989, 'a'],
      ],
      ['a#1', 'a#1', 'a#1', 'a#1'],
      1,
    ],
    [
      'after the ttl, computed again',
      [
        [0, 'a'],
        [1000, 'a'],
        [10, 'a'],
      ],
      ['a#1', 'a#2', 'a#2'],
      2,
    ],
    [
      'other keys are other work',
      [
        [0, 'a'],
        [0, 'b'],
        [0, 'a'],
      ],
      ['a#1', 'b#2', 'a#1'],
      2,
    ],
  ] as const)('%s', async (_name, asks, answers, computations) => {
    const { ask, computed, advance } = setup();
    const got: string[] = [];
    for (const [after, key] of asks) {
      advance(after);
      got.push(await ask(key));
    }
    expect(got).toEqual(answers);
    expect(computed()).toBe(computations);
  });

  it.each([
    // the caller's own time of the second ask, ms after the first's; shared?
    [0, true],
    [999, true],
    [-999, true],
    [1000, false],
    [-5000, false],
  ])('an ask for a time %d ms away from the computed one is shared: %s', async (at, shared) => {
    const { ask, computed } = setup();
    await ask('a', false, 10_000);
    await ask('a', false, 10_000 + at);
    expect(computed()).toBe(shared ? 1 : 2);
  });

  it('shares a failure only with those already waiting, then computes again', async () => {
    const { ask, computed } = setup();
    const first = ask('a', true);
    const waiting = ask('a');
    await expect(first).rejects.toThrow('failed a');
    await expect(waiting).rejects.toThrow('failed a');
    expect(await ask('a')).toBe('a#2');
    expect(computed()).toBe(2);
  });

  it('keeps at most maxEntries keys: expired ones go first, then the oldest', async () => {
    const { work, ask, advance } = setup({ maxEntries: 2 });
    await ask('a');
    advance(600);
    await ask('b');
    advance(600); // a has expired, b has not
    await ask('c');
    expect(work.size).toBe(2);
    await ask('d'); // neither b nor c expired: b, the oldest, goes
    expect(work.size).toBe(2);
    expect(await ask('c')).toBe('c#3');
  });
});
