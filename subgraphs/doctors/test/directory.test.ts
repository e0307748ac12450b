import { describe, expect, it } from 'vitest';
import { errorCodes } from '@medappt/testkit';
import { c, field, seed, staffToken } from './fixtures.ts';

interface Page {
  doctors: {
    edges: { node: { id: string; name: string }; cursor: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}
const DIRECTORY = `query($filter: DoctorFilter, $first: Int, $after: String) {
  doctors(filter: $filter, first: $first, after: $after) { edges { node { id name } cursor } pageInfo { hasNextPage endCursor } totalCount }
}`;
// No token: the directory is public.
const directory = (filter: Record<string, unknown>, first?: number, after?: string | null) => c.call<Page>(DIRECTORY, { filter, first, after });
const names = async (filter: Record<string, unknown>): Promise<string[]> => {
  const result = await directory(filter, 100);
  expect(result.errors).toBeUndefined();
  return result.data!.doctors.edges.map((e) => e.node.name);
};

describe('doctor directory', () => {
  it('finds doctors without regard to case or accents, in name, specialty and bio', async () => {
    const clinic = await seed.clinic();
    await seed.doctor({ clinicId: clinic.id, name: 'José Müller-Weiß', specialties: ['Cardiología'] });
    await seed.doctor({ clinicId: clinic.id, name: 'Zoë Ångström-Berg', specialties: ['Dermatology'], bio: 'Treats ECZEMA and acne.' });
    await seed.doctor({ clinicId: clinic.id, name: 'Jonas Weber', specialties: ['Orthopedics'] });
    const inClinic = (search: string) => names({ clinicId: clinic.id, search });

    expect(await inClinic('jose')).toEqual(['José Müller-Weiß']);
    expect(await inClinic('MULLER')).toEqual(['José Müller-Weiß']);
    expect(await inClinic('josé müller')).toEqual(['José Müller-Weiß']);
    expect(await inClinic('cardiologia')).toEqual(['José Müller-Weiß']);
    expect(await inClinic('weiss')).toEqual(['José Müller-Weiß']);
    expect(await inClinic('zoe angstrom')).toEqual(['Zoë Ångström-Berg']);
    expect(await inClinic('eczema')).toEqual(['Zoë Ångström-Berg']);
    expect(await inClinic('jo')).toEqual(['Jonas Weber', 'José Müller-Weiß']);
    expect(await inClinic('jo weber')).toEqual(['Jonas Weber']);
    // LIKE wildcards are plain characters in a search.
    expect(await inClinic('%')).toEqual([]);
    expect(await inClinic('j_se')).toEqual([]);
  });

  it('filters by specialty, service and clinic, and hides inactive doctors unless asked', async () => {
    const [north, south] = [await seed.clinic(), await seed.clinic()];
    const [checkup, xray] = [await seed.service(), await seed.service({ kind: 'IMAGING' })];
    const ana = await seed.doctor({ clinicId: north.id, name: 'Ana Ruiz', specialties: ['Radiology'], serviceIds: [xray.id] });
    await seed.doctor({ clinicId: north.id, name: 'Ben Ode', specialties: ['General Practice'], serviceIds: [checkup.id] });
    await seed.doctor({ clinicId: south.id, name: 'Cleo Park', specialties: ['radiology'], serviceIds: [xray.id, checkup.id] });

    expect(await names({ clinicId: north.id })).toEqual(['Ana Ruiz', 'Ben Ode']);
    expect(await names({ clinicId: south.id })).toEqual(['Cleo Park']);
    expect(await names({ serviceId: xray.id })).toEqual(['Ana Ruiz', 'Cleo Park']);
    expect(await names({ serviceId: checkup.id, specialty: 'RADIOLOGY' })).toEqual(['Cleo Park']);
    expect(await names({ clinicId: north.id, specialty: 'general practice' })).toEqual(['Ben Ode']);
    expect(await names({ clinicId: north.id, specialty: 'General' })).toEqual([]);

    const deactivated = await c.call('mutation($id: ID!) { deactivateDoctor(id: $id) { id } }', { id: ana.id }, { token: await staffToken() });
    expect(deactivated.errors).toBeUndefined();
    expect(await names({ clinicId: north.id })).toEqual(['Ben Ode']);
    expect(await names({ clinicId: north.id, includeInactive: true })).toEqual(['Ana Ruiz', 'Ben Ode']);
  });

  it('pages by name with cursors: every doctor once, in order, also when doctors are added between pages', async () => {
    const clinic = await seed.clinic();
    const initial = ['Mia', 'Bea', 'Kai', 'Ada', 'Kai', 'Lou', 'Eve'];
    for (const name of initial) await seed.doctor({ clinicId: clinic.id, name });

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result = await directory({ clinicId: clinic.id }, 3, after);
      expect(result.errors).toBeUndefined();
      const page = result.data!.doctors;
      expect(page.totalCount).toBe(initial.length + (pages > 0 ? 2 : 0));
      seen.push(...page.edges.map((e) => `${e.node.name}/${e.node.id}`));
      pages += 1;
      if (pages === 1) {
        // One before the cursor (not shown: already passed), one after (shown exactly once).
        await seed.doctor({ clinicId: clinic.id, name: 'Aaron' });
        await seed.doctor({ clinicId: clinic.id, name: 'Zed' });
      }
      if (!page.pageInfo.hasNextPage) break;
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor);
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.map((s) => s.split('/')[0])).toEqual(['Ada', 'Bea', 'Eve', 'Kai', 'Kai', 'Lou', 'Mia', 'Zed']);
    const kais = seen.filter((s) => s.startsWith('Kai/')).map((s) => s.split('/')[1]!);
    expect(kais).toEqual([...kais].sort());
  });

  it('lists specialties of active doctors once each', async () => {
    const clinic = await seed.clinic();
    await seed.doctor({ clinicId: clinic.id, specialties: ['Neurology Unique', 'NEUROLOGY UNIQUE'] });
    await seed.doctor({ clinicId: clinic.id, specialties: ['neurology unique'] });
    const result = await c.call<{ specialties: string[] }>('{ specialties }');
    expect(result.data?.specialties.filter((s) => s.toLowerCase() === 'neurology unique')).toHaveLength(1);
  });

  it.each([
    [{ filter: { serviceId: 'not-an-id' } }, 'filter.serviceId'],
    [{ filter: { clinicId: '42' } }, 'filter.clinicId'],
    [{ filter: { search: 'a b c d e f g h i' } }, 'filter.search'],
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ after: 'bm90IGEgY3Vyc29y' }, 'after'],
    [{ after: Buffer.from(JSON.stringify(['Ana', 'x'])).toString('base64url') }, 'after'],
  ])('rejects %j naming the argument', async (variables, name) => {
    const result = await c.call(DIRECTORY, variables);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(field(result)).toBe(name);
  });

  it('finds a doctor by id, active or not, and says NOT_FOUND for an unknown one', async () => {
    const clinic = await seed.clinic({ name: 'Praxis am Markt', timeZone: 'Europe/Berlin' });
    const doctor = await seed.doctor({ clinicId: clinic.id, name: 'Inés Peña Ruiz', languages: ['Spanish', 'English'] });
    const query = 'query($id: ID!) { doctor(id: $id) { id name languages active clinic { name timeZone } } }';
    const found = await c.call<{ doctor: { name: string } }>(query, { id: doctor.id });
    expect(found.data?.doctor).toEqual({
      id: doctor.id,
      name: 'Inés Peña Ruiz',
      languages: ['Spanish', 'English'],
      active: true,
      clinic: { name: 'Praxis am Markt', timeZone: 'Europe/Berlin' },
    });

    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      const missing = await c.call(query, { id });
      expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
      expect(missing.errors?.[0]?.message).toContain(id);
    }
  });
});
