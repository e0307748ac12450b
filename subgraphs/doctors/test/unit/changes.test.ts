import { describe, expect, it } from 'vitest';
import { changedFields } from '../../src/domain/changes.ts';

const before = { name: 'Ana', bio: null as string | null, languages: ['English'], active: true, updatedAt: new Date('2026-01-01T00:00:00Z') };

describe('changedFields', () => {
  it.each([
    [{ name: 'Ana' }, {}],
    [{ name: 'Bea' }, { name: 'Bea' }],
    [{ bio: null }, {}],
    [{ bio: 'Hello' }, { bio: 'Hello' }],
    [{ languages: ['English'] }, {}],
    [{ languages: ['English', 'Hindi'] }, { languages: ['English', 'Hindi'] }],
    [{ languages: ['Hindi'] }, { languages: ['Hindi'] }],
    [{ active: false, name: 'Ana' }, { active: false }],
    [{ updatedAt: new Date('2026-01-01T00:00:00Z') }, {}],
    [{ name: undefined }, {}],
  ])('%j → %j', (patch, changes) => {
    expect(changedFields(before, patch)).toEqual(changes);
  });
});
