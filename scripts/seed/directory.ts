import { GraphQLCallError, type SeedApi } from './api.ts';
import { clinicPriceList, clinics, seedDoctors, services } from './catalogue.ts';

export interface SeedLog {
  (message: string): void;
}
export interface Seeded {
  clinics: Map<string, string>;
  services: Map<string, string>;
  /** Doctor id (= user id) by name. */
  doctors: Map<string, string>;
}

/** Creates what is missing, found by name; runs again without duplicating anything. */
async function byName<T extends { name: string }>(
  what: string,
  existing: { id: string; name: string }[],
  wanted: readonly T[],
  create: (item: T) => Promise<string>,
  log: SeedLog,
): Promise<Map<string, string>> {
  const ids = new Map(existing.map((row) => [row.name, row.id]));
  let created = 0;
  for (const item of wanted) {
    if (ids.has(item.name)) continue;
    ids.set(item.name, await create(item));
    created += 1;
  }
  log(`${what}: ${created} created, ${wanted.length - created} already there`);
  return ids;
}

async function seedClinics(api: SeedApi, log: SeedLog): Promise<Map<string, string>> {
  const { clinics: existing } = await api.call<{ clinics: { id: string; name: string; currency: string }[] }>('{ clinics { id name currency } }');
  // Clinics seeded before they had a currency are in EUR: give them theirs (they have no prices yet).
  let recurrencied = 0;
  for (const clinic of clinics) {
    const found = existing.find((row) => row.name === clinic.name);
    if (!found || found.currency === clinic.currency) continue;
    await api.call(
      'mutation($id: ID!, $input: UpdateClinicInput!) { updateClinic(id: $id, input: $input) { id } }',
      { id: found.id, input: { currency: clinic.currency } },
      api.adminToken,
    );
    recurrencied += 1;
  }
  if (recurrencied > 0) log(`clinics: currency set on ${recurrencied}`);
  return byName(
    'clinics',
    existing,
    clinics,
    async ({ languages: _languages, ...input }: (typeof clinics)[number]) =>
      (
        await api.call<{ createClinic: { id: string } }>(
          'mutation($input: CreateClinicInput!) { createClinic(input: $input) { id } }',
          { input },
          api.adminToken,
        )
      ).createClinic.id,
    log,
  );
}

async function seedServices(api: SeedApi, log: SeedLog): Promise<Map<string, string>> {
  const { services: existing } = await api.call<{ services: { id: string; name: string }[] }>('{ services(includeInactive: true) { id name } }');
  return byName(
    'services',
    existing,
    services,
    async (input: (typeof services)[number]) =>
      (
        await api.call<{ createService: { id: string } }>(
          'mutation($input: CreateServiceInput!) { createService(input: $input) { id } }',
          { input },
          api.adminToken,
        )
      ).createService.id,
    log,
  );
}

async function allDoctors(api: SeedApi): Promise<{ id: string; name: string }[]> {
  const doctors: { id: string; name: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { doctors: { edges: { node: { id: string; name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await api.call(
      'query($after: String) { doctors(filter: { includeInactive: true }, first: 100, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } } }',
      { after },
    );
    doctors.push(...page.doctors.edges.map((e) => e.node));
    if (!page.doctors.pageInfo.hasNextPage) return doctors;
    after = page.doctors.pageInfo.endCursor;
  }
}

/** The DOCTOR account for a seed doctor: created, or (on a re-run after a partial one) found by signing in. */
async function doctorAccount(api: SeedApi, doctor: { name: string; email: string }, password: string): Promise<string> {
  try {
    const { createUser } = await api.call<{ createUser: { id: string } }>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email: doctor.email, password, name: doctor.name, role: 'DOCTOR' } },
      api.adminToken,
    );
    return createUser.id;
  } catch (error) {
    if (!(error instanceof GraphQLCallError && error.field === 'input.email')) throw error;
    const { login } = await api.call<{ login: { user: { id: string; role: string } } }>(
      'mutation($input: LoginInput!) { login(input: $input) { user { id role } } }',
      { input: { email: doctor.email, password } },
    );
    if (login.user.role !== 'DOCTOR') throw new Error(`${doctor.email} exists but is a ${login.user.role} account`);
    return login.user.id;
  }
}

export async function seedDirectory(api: SeedApi, options: { doctorPassword: string; log: SeedLog }): Promise<Seeded> {
  const { log } = options;
  const clinicIds = await seedClinics(api, log);
  const serviceIds = await seedServices(api, log);
  const wanted = seedDoctors();
  const doctorIds = new Map((await allDoctors(api)).map((d) => [d.name, d.id]));
  const missing = wanted.filter((d) => !doctorIds.has(d.name));
  // A few at a time: each account costs an argon2 hash in the users subgraph.
  for (let i = 0; i < missing.length; i += 4) {
    await Promise.all(
      missing.slice(i, i + 4).map(async (doctor) => {
        const userId = await doctorAccount(api, doctor, options.doctorPassword);
        await api.call(
          'mutation($input: CreateDoctorInput!) { createDoctor(input: $input) { id } }',
          {
            input: {
              userId,
              name: doctor.name,
              specialties: doctor.specialties,
              qualifications: doctor.qualifications,
              languages: doctor.languages,
              bio: doctor.bio,
              clinicId: clinicIds.get(doctor.clinic.name),
              serviceIds: doctor.services.map((name) => serviceIds.get(name)),
            },
          },
          api.adminToken,
        );
        doctorIds.set(doctor.name, userId);
      }),
    );
  }
  log(`doctors: ${missing.length} created, ${wanted.length - missing.length} already there`);
  await seedClinicPrices(api, clinicIds, serviceIds, log);
  return { clinics: clinicIds, services: serviceIds, doctors: doctorIds };
}

/** The New York, Kolkata and Sydney price lists (USD, INR, AUD); an entry already at its price is left alone. */
async function seedClinicPrices(api: SeedApi, clinicIds: Map<string, string>, serviceIds: Map<string, string>, log: SeedLog): Promise<void> {
  const { clinics: lists } = await api.call<{
    clinics: { id: string; prices: { service: { id: string }; price: { amountCents: number; currency: string } }[] }[];
  }>('{ clinics(includeInactive: true) { id prices { service { id } price { amountCents currency } } } }');
  const current = new Map(lists.flatMap((c) => c.prices.map((p) => [`${c.id}|${p.service.id}`, p.price] as const)));
  const wanted = clinicPriceList();
  let set = 0;
  for (const entry of wanted) {
    const clinicId = clinicIds.get(entry.clinic)!;
    const serviceId = serviceIds.get(entry.service)!;
    const has = current.get(`${clinicId}|${serviceId}`);
    if (has && has.amountCents === entry.price.amountCents && has.currency === entry.price.currency) continue;
    await api.call(
      'mutation($c: ID!, $s: ID!, $p: MoneyInput!) { setClinicPrice(clinicId: $c, serviceId: $s, price: $p) { updatedAt } }',
      { c: clinicId, s: serviceId, p: entry.price },
      api.adminToken,
    );
    set += 1;
  }
  log(`clinic prices: ${set} set, ${wanted.length - set} already there (USD, INR, AUD)`);
}
