import { describe, expect, it } from 'vitest';
import { changedFields, type FieldChange, type Placement } from '../../src/domain/history.ts';

const D1 = '11111111-1111-4111-8111-111111111111';
const D2 = '22222222-2222-4222-8222-222222222222';
const S1 = '33333333-3333-4333-8333-333333333333';
const S2 = '44444444-4444-4444-8444-444444444444';
const at = (iso: string) => new Date(iso);
const base: Placement = { startAt: at('2026-03-29T07:00:00Z'), endAt: at('2026-03-29T07:30:00Z'), doctorId: D1, serviceId: S1 };

describe('changedFields', () => {
  it.each<[string, Partial<Placement>, FieldChange[]]>([
    ['nothing moved', {}, []],
    [
      'same length, later',
      { startAt: at('2026-03-29T08:00:00Z'), endAt: at('2026-03-29T08:30:00Z') },
      [
        { field: 'start', from: '2026-03-29T07:00:00.000Z', to: '2026-03-29T08:00:00.000Z' },
        { field: 'end', from: '2026-03-29T07:30:00.000Z', to: '2026-03-29T08:30:00.000Z' },
      ],
    ],
    [
      'a longer service at the same start',
      { serviceId: S2, endAt: at('2026-03-29T08:00:00Z') },
      [
        { field: 'end', from: '2026-03-29T07:30:00.000Z', to: '2026-03-29T08:00:00.000Z' },
        { field: 'serviceId', from: S1, to: S2 },
      ],
    ],
    ['another doctor at the same time', { doctorId: D2 }, [{ field: 'doctorId', from: D1, to: D2 }]],
    [
      'everything',
      { startAt: at('2026-03-30T07:00:00Z'), endAt: at('2026-03-30T08:00:00Z'), doctorId: D2, serviceId: S2 },
      [
        { field: 'start', from: '2026-03-29T07:00:00.000Z', to: '2026-03-30T07:00:00.000Z' },
        { field: 'end', from: '2026-03-29T07:30:00.000Z', to: '2026-03-30T08:00:00.000Z' },
        { field: 'doctorId', from: D1, to: D2 },
        { field: 'serviceId', from: S1, to: S2 },
      ],
    ],
  ])('%s', (_what, after, expected) => {
    expect(changedFields(base, { ...base, ...after })).toEqual(expected);
  });

  it('compares instants, not Date objects', () => {
    expect(changedFields(base, { ...base, startAt: new Date(base.startAt.getTime()) })).toEqual([]);
  });
});
