import { describe, expect, it } from 'vitest';
import { profileProblems, type ProfileFields } from '../../src/domain/profile-rules.ts';
import { allergyProblems, historyEntryProblems, medicationProblems } from '../../src/domain/record-entry-rules.ts';

const TODAY = '2026-11-22';
const PATIENT = '00000000-0000-4000-8000-000000000001';
const profile = (changes: Partial<ProfileFields> = {}): ProfileFields => ({ patientId: PATIENT, name: 'Pat Ient', ...changes });

describe('profile problems (fields relative to the input, in form order)', () => {
  it.each<[string, Partial<ProfileFields>, { field: string; message: string }[]]>([
    ['a name alone', {}, []],
    [
      'everything filled in',
      {
        dateOfBirth: '1980-04-23',
        phone: '+49 30 1234567',
        email: 'pat@example.com',
        emergencyContact: { name: 'Kim', relationship: 'sister', phone: '+49 30 7654321' },
      },
      [],
    ],
    ['staff naming nobody', { patientId: '' }, [{ field: 'patientId', message: 'is required when staff save a profile' }]],
    ['not a user id', { patientId: 'me' }, [{ field: 'patientId', message: 'must be a user id (UUID)' }]],
    ['a blank name', { name: '  ' }, [{ field: 'name', message: 'is required' }]],
    ['born tomorrow', { dateOfBirth: '2026-11-23' }, [{ field: 'dateOfBirth', message: 'must not be in the future' }]],
    [
      'an emergency contact without a phone number',
      { emergencyContact: { name: 'Kim', phone: ' ' } },
      [{ field: 'emergencyContact.phone', message: 'is required' }],
    ],
    [
      'an emergency contact with a word for a phone',
      { emergencyContact: { name: 'Kim', phone: 'ask Kim' } },
      [{ field: 'emergencyContact.phone', message: 'must be a phone number like +49 30 1234567' }],
    ],
    [
      'several at once, the first field first',
      { name: '', phone: 'call me', email: 'nope', emergencyContact: { name: '', relationship: 'x'.repeat(101), phone: '+49 30 7654321' } },
      [
        { field: 'name', message: 'is required' },
        { field: 'phone', message: 'must be a phone number like +49 30 1234567' },
        { field: 'email', message: 'must be an email address like name@example.com' },
        { field: 'emergencyContact.name', message: 'is required' },
        { field: 'emergencyContact.relationship', message: 'must be at most 100 characters' },
      ],
    ],
  ])('%s', (_case, changes, problems) => {
    expect(profileProblems(profile(changes), { today: TODAY })).toEqual(problems);
  });
});

describe('record entry problems (entries are checked as typed)', () => {
  it.each([
    ['a note', historyEntryProblems({ note: 'Fell off a bike.', occurredOn: '2026-11-01' }, { today: TODAY }), []],
    ['a note of spaces', historyEntryProblems({ note: '   ' }, { today: TODAY }), [{ field: 'note', message: 'is required' }]],
    [
      'a history entry dated ahead',
      historyEntryProblems({ note: 'x', occurredOn: '2026-12-01' }, { today: TODAY }),
      [{ field: 'occurredOn', message: 'must not be in the future' }],
    ],
    ['an allergy', allergyProblems({ substance: 'Penicillin', reaction: 'Rash\nand fever' }), []],
    ['an allergy to nothing', allergyProblems({ substance: '' }), [{ field: 'substance', message: 'is required' }]],
    [
      'a reaction too long',
      allergyProblems({ substance: 'Nuts', reaction: 'x'.repeat(501) }),
      [{ field: 'reaction', message: 'must be at most 500 characters' }],
    ],
    ['a medication', medicationProblems({ name: 'Ibuprofen', dose: '400 mg', since: '2026-01-01', until: '2026-02-01' }), []],
    [
      'a medication ending before it began',
      medicationProblems({ name: 'Ibuprofen', dose: '400 mg', since: '2026-02-01', until: '2026-01-01' }),
      [{ field: 'until', message: 'must not be before since' }],
    ],
    [
      'a medication without name or dose, from a day that does not exist',
      medicationProblems({ name: '', dose: ' ', since: '2026-02-30' }),
      [
        { field: 'name', message: 'is required' },
        { field: 'dose', message: 'is required' },
        { field: 'since', message: 'is not a real calendar date' },
      ],
    ],
  ])('%s', (_case, problems, expected) => {
    expect(problems).toEqual(expected);
  });
});
