import { describe, expect, it } from 'vitest';
import type { AppointmentStatus } from '@medappt/platform';
import { grantsCareAccess } from '../../src/domain/care-relation.ts';

describe('grantsCareAccess', () => {
  it.each<[AppointmentStatus, boolean, boolean]>([
    ['REQUESTED', false, true],
    ['CONFIRMED', true, true],
    ['COMPLETED', true, true],
    ['NO_SHOW', true, true],
    ['DECLINED', false, false],
    ['CANCELLED', false, false],
    ['CANCELLED', true, true],
  ])('%s (ever confirmed: %s) → %s', (status, everConfirmed, expected) => {
    expect(grantsCareAccess(status, everConfirmed)).toBe(expected);
  });
});
