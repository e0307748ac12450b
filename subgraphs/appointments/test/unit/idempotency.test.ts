import { describe, expect, it } from 'vitest';
import { bookingRequestOf, differingFields, type BookingRequest } from '../../src/domain/idempotency.ts';

const D = 'AAAAAAAA-1111-4111-8111-111111111111';
const S = '33333333-3333-4333-8333-333333333333';
const first = bookingRequestOf({ doctorId: D, serviceId: S, start: new Date('2026-06-10T09:00:00Z'), reason: 'Cough' });

describe('differingFields', () => {
  it.each<[string, Partial<BookingRequest>, (keyof BookingRequest)[]]>([
    ['a true retry', {}, []],
    ['the id in lower case', { doctorId: D.toLowerCase() }, []],
    ['another start', { start: '2026-06-10T09:30:00.000Z' }, ['start']],
    ['another doctor', { doctorId: '22222222-2222-4222-8222-222222222222' }, ['doctorId']],
    ['another service and reason', { serviceId: '44444444-4444-4444-8444-444444444444', reason: null }, ['serviceId', 'reason']],
  ])('%s', (_what, change, expected) => {
    expect(differingFields(first, { ...first, ...change })).toEqual(expected);
  });

  it('the same instant written another way is the same start', () => {
    expect(differingFields(first, bookingRequestOf({ doctorId: D, serviceId: S, start: new Date('2026-06-10T11:00:00+02:00'), reason: 'Cough' }))).toEqual([]);
  });
});
