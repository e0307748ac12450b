import type { Problem } from '@medappt/platform/domain';
import { describe, expect, it } from 'vitest';
import { clinicPolicyProblems, effectivePolicy, MAX_POLICY_MINUTES } from '../../src/domain/clinic-policy-rules.ts';
import { idProblems, NOT_AN_ID } from '../../src/domain/ids.ts';
import { windowProblems, type WindowRules } from '../../src/domain/time-windows.ts';

const ID = '3f2b9c1e-8a4d-4e7b-9c2a-1b2c3d4e5f60';

describe('idProblems', () => {
  it.each<[string, Record<string, string | null | undefined>, Problem[]]>([
    ['well-formed ids', { doctorId: ID, serviceId: ID.toUpperCase() }, []],
    ['absent optional ids', { patientId: null, clinicId: undefined }, []],
    ['a malformed id', { doctorId: ID, serviceId: 'not-a-uuid' }, [{ field: 'serviceId', message: NOT_AN_ID }]],
    [
      'several, in the order given',
      { id: '', doctorId: 'x' },
      [
        { field: 'id', message: NOT_AN_ID },
        { field: 'doctorId', message: NOT_AN_ID },
      ],
    ],
    ['an item of a list', { '[2]': 'x' }, [{ field: '[2]', message: NOT_AN_ID }]],
  ])('%s', (_what, ids, expected) => {
    expect(idProblems(ids)).toEqual(expected);
  });
});

describe('windowProblems', () => {
  const from = new Date('2026-06-01T00:00:00Z');
  const after = (days: number) => new Date(from.getTime() + days * 86_400_000);
  it.each<[string, Date, WindowRules, Problem[]]>([
    ['a day', after(1), { maxDays: 14 }, []],
    ['exactly the limit', after(14), { maxDays: 14 }, []],
    ['empty', from, { maxDays: 14 }, [{ field: 'to', message: 'must be after from' }]],
    ['backwards', after(-1), { maxDays: 14 }, [{ field: 'to', message: 'must be after from' }]],
    ['too long', after(15), { maxDays: 14 }, [{ field: 'to', message: 'must be at most 14 days after from' }]],
    [
      'too long, with a hint',
      after(15),
      { maxDays: 14, hint: 'search in smaller windows' },
      [{ field: 'to', message: 'must be at most 14 days after from; search in smaller windows' }],
    ],
    ['over before it may end', after(1), { maxDays: 90, endsAfter: after(2) }, [{ field: 'to', message: 'must be in the future' }]],
    ['backwards before over', after(-1), { maxDays: 90, endsAfter: after(2) }, [{ field: 'to', message: 'must be after from' }]],
    ['ending as it may', after(2), { maxDays: 90, endsAfter: after(2) }, []],
  ])('%s', (_what, to, rules, expected) => {
    expect(windowProblems({ from, to }, rules)).toEqual(expected);
  });
});

describe('clinicPolicyProblems', () => {
  const wrong = (field: string): Problem => ({ field, message: `must be a whole number of minutes from 0 to ${MAX_POLICY_MINUTES}` });
  it.each<[string, number, number, Problem[]]>([
    ['zeros', 0, 0, []],
    ['the limits', MAX_POLICY_MINUTES, MAX_POLICY_MINUTES, []],
    ['a negative notice', -1, 0, [wrong('minimumNoticeMinutes')]],
    ['a fractional cutoff', 0, 1.5, [wrong('patientCutoffMinutes')]],
    ['both beyond 30 days', MAX_POLICY_MINUTES + 1, MAX_POLICY_MINUTES + 1, [wrong('minimumNoticeMinutes'), wrong('patientCutoffMinutes')]],
  ])('%s', (_what, minimumNoticeMinutes, patientCutoffMinutes, expected) => {
    expect(clinicPolicyProblems({ minimumNoticeMinutes, patientCutoffMinutes })).toEqual(expected);
  });
});

describe('effectivePolicy', () => {
  it('is the clinic own rules when it has set them', () => {
    expect(effectivePolicy(ID, { minimumNoticeMinutes: 60, patientCutoffMinutes: 120 }, { patientCutoffMinutes: 1440 })).toEqual({
      clinicId: ID,
      minimumNoticeMinutes: 60,
      patientCutoffMinutes: 120,
      custom: true,
    });
  });
  it('is the defaults otherwise', () => {
    expect(effectivePolicy(ID, null, { patientCutoffMinutes: 1440 })).toEqual({
      clinicId: ID,
      minimumNoticeMinutes: 0,
      patientCutoffMinutes: 1440,
      custom: false,
    });
  });
});
