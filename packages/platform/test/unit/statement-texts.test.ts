import { describe, expect, it } from 'vitest';
import { StatementTexts } from '../../src/db.ts';

describe('StatementTexts: which statement texts are prepared', () => {
  it('sends a text unprepared the first time and prepared from the second on', () => {
    const texts = new StatementTexts();
    expect([1, 2, 3].map(() => texts.prepare('select 1', 0))).toEqual([false, true, true]);
  });

  it('never prepares a text that changes with its data', () => {
    const texts = new StatementTexts();
    expect(Array.from({ length: 50 }, (_, n) => texts.prepare(`insert into t values ${'($1),'.repeat(n)}($1)`, 1))).not.toContain(true);
  });

  it('never prepares nor remembers a bulk write, however often it comes back', () => {
    const texts = new StatementTexts(5, 3, 4);
    const bulk = 'insert into t values ($1), ($2), ($3), ($4), ($5)';
    expect([1, 2, 3].map(() => texts.prepare(bulk, 5))).toEqual([false, false, false]);
    // Not in the seen set either: bulk texts in between do not push a hot text out of it.
    texts.prepare('hot', 1);
    for (let rows = 5; rows < 15; rows++) texts.prepare(`insert into t values ${'($1), '.repeat(rows)}($1)`, rows + 1);
    expect(texts.prepare('hot', 1)).toBe(true);
    expect([1, 2].map(() => texts.prepare('insert into t values ($1), ($2), ($3), ($4)', 4))).toEqual([false, true]);
  });

  it('prepares no more than its cap, and keeps preparing those it has', () => {
    const texts = new StatementTexts(2, 10);
    for (const text of ['a', 'b', 'c']) texts.prepare(text, 0);
    expect(['a', 'b', 'c'].map((text) => texts.prepare(text, 0))).toEqual([true, true, false]);
    expect(texts.prepare('a', 0)).toBe(true);
  });

  it('forgets the one-off texts when it has seen too many, without unpreparing any', () => {
    const texts = new StatementTexts(5, 3);
    texts.prepare('hot', 0);
    texts.prepare('hot', 0);
    for (const text of ['x', 'y', 'z', 'w']) texts.prepare(text, 0);
    expect(texts.prepare('x', 0)).toBe(false);
    expect(texts.prepare('hot', 0)).toBe(true);
  });
});
