import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '@medappt/testkit';
import { c, DOCTOR_FIELDS, field, seed, staffToken, unique, type DoctorView } from './fixtures.ts';

const DIRECTORY = 'query($filter: DoctorFilter, $after: String) { doctors(filter: $filter, after: $after) { edges { node { id } } totalCount } }';
const CREATE_DOCTOR = `mutation($input: CreateDoctorInput!) { createDoctor(input: $input) { ${DOCTOR_FIELDS} } }`;
const cursorOf = (key: unknown[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

// Postgres refuses U+0000 in text: a NUL here used to come back as INTERNAL_SERVER_ERROR.
describe('text input rules for the directory and catalogue, through the router', () => {
  it.each([
    ['search', { filter: { search: 'jose\u0000' } }, 'filter.search', 'must not contain control characters (found U+0000)'],
    ['specialty', { filter: { specialty: 'Cardio\u0000' } }, 'filter.specialty', 'must not contain control characters (found U+0000)'],
    ['a search over 200 characters', { filter: { search: 'x'.repeat(201) } }, 'filter.search', 'must be at most 200 characters'],
    [
      'a cursor whose key holds a NUL',
      { after: cursorOf(['Ana\u0000', randomUUID()]) },
      'after',
      'is not a cursor this API returned; pass an endCursor from a previous page',
    ],
  ])('the directory refuses %s as bad input', async (_label, variables, path, rule) => {
    const result = await c.call(DIRECTORY, variables);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]).toMatchObject({ message: `${path}: ${rule}`, extensions: { field: path } });
  });

  it('a doctor profile refuses control characters and line breaks where they do not belong, and creates nothing', async () => {
    const clinic = await seed.clinic();
    const token = await staffToken();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ name: 'Dr. Ana\nLópez' }, 'input.name', /single line/],
      [{ name: 'Dr. Ana\u0000' }, 'input.name', /control characters \(found U\+0000\)/],
      [{ bio: 'Bio\u0000' }, 'input.bio', /control characters/],
      [{ bio: 'x'.repeat(5001) }, 'input.bio', /at most 5000 characters/],
      // The NUL is caught by the guard every server runs, which names the list item.
      [{ specialties: ['Cardiology', 'Pedia\u0000trics'] }, 'input.specialties[1]', /must not contain control characters/],
      [{ languages: ['German\r\nEnglish'] }, 'input.languages', /each entry must be a single line/],
    ];
    for (const [change, path, message] of cases) {
      const userId = randomUUID();
      const result = await c.call(
        CREATE_DOCTOR,
        { input: { userId, name: unique('Dr.'), specialties: ['General Practice'], clinicId: clinic.id, ...change } },
        { token },
      );
      expect(errorCodes(result), path).toEqual(['BAD_USER_INPUT']);
      expect(field(result)).toBe(path);
      expect(result.errors?.[0]?.message).toMatch(message);
      const read = await c.call<{ doctor: DoctorView | null }>('query($id: ID!) { doctor(id: $id) { id } }', { id: userId });
      expect(errorCodes(read)).toEqual(['NOT_FOUND']);
    }
  });

  it('a multi-line bio keeps its lines, with CRLF as LF', async () => {
    const clinic = await seed.clinic();
    const doctor = await seed.doctor({ clinicId: clinic.id, bio: ' First line.\r\n\tSecond line. ' });
    expect(doctor.bio).toBe('First line.\n\tSecond line.');
  });

  it('clinics and services refuse NUL in every text field', async () => {
    const token = await staffToken();
    const clinic = (input: Record<string, unknown>) =>
      c.call(
        'mutation($input: CreateClinicInput!) { createClinic(input: $input) { id } }',
        { input: { name: unique('Clinic'), address: '1 Main St', timeZone: 'Europe/Berlin', ...input } },
        { token },
      );
    const service = (input: Record<string, unknown>) =>
      c.call(
        'mutation($input: CreateServiceInput!) { createService(input: $input) { id } }',
        {
          input: { name: unique('Service'), kind: 'CHECKUP', durationMinutes: 30, price: { amountCents: 100, currency: 'EUR' }, ...input },
        },
        { token },
      );
    const cases: [Promise<Awaited<ReturnType<typeof clinic>>>, string][] = [
      [clinic({ name: 'Praxis\u0000' }), 'input.name'],
      [clinic({ address: '1 Main St\u0000' }), 'input.address'],
      [clinic({ timeZone: 'Europe/Berlin\u0000' }), 'input.timeZone'],
      [clinic({ phone: '+49 30 1234567\u0000' }), 'input.phone'],
      [service({ name: 'Checkup\u0000' }), 'input.name'],
      [service({ description: 'About\u0000' }), 'input.description'],
      [service({ price: { amountCents: 100, currency: 'EU\u0000' } }), 'input.price.currency'],
    ];
    for (const [pending, path] of cases) {
      const result = await pending;
      expect(errorCodes(result), path).toEqual(['BAD_USER_INPUT']);
      expect(field(result)).toBe(path);
    }
  });

  it('an address typed on two lines is kept on one, as before', async () => {
    expect((await seed.clinic({ address: '1 Main St\r\n10115 Berlin' })).address).toBe('1 Main St 10115 Berlin');
  });
});
