import { describe, expect, it } from 'vitest';
import { errorCodes } from '@medappt/testkit';
import { CLINIC_FIELDS, SERVICE_FIELDS, c, field, seed, staffToken, unique, type ClinicView, type ServiceView } from './fixtures.ts';

const CREATE_CLINIC = `mutation($input: CreateClinicInput!) { createClinic(input: $input) { ${CLINIC_FIELDS} } }`;
const UPDATE_CLINIC = `mutation($id: ID!, $input: UpdateClinicInput!) { updateClinic(id: $id, input: $input) { ${CLINIC_FIELDS} } }`;
const CREATE_SERVICE = `mutation($input: CreateServiceInput!) { createService(input: $input) { ${SERVICE_FIELDS} } }`;
const UPDATE_SERVICE = `mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { ${SERVICE_FIELDS} } }`;

describe('clinics', () => {
  it('staff create and update a clinic; anyone reads it', async () => {
    const token = await staffToken();
    const name = unique('Sydney Harbour Clinic');
    const created = await c.call<{ createClinic: ClinicView }>(
      CREATE_CLINIC,
      { input: { name: `  ${name} `, address: '1 George St, Sydney', timeZone: 'australia/sydney', phone: '+61 2 9999 0000' } },
      { token },
    );
    expect(created.errors).toBeUndefined();
    const clinic = created.data!.createClinic;
    expect(clinic).toMatchObject({ name, timeZone: 'Australia/Sydney', phone: '+61 2 9999 0000' });

    const updated = await c.call<{ updateClinic: ClinicView }>(UPDATE_CLINIC, { id: clinic.id, input: { phone: '', address: '2 George St' } }, { token });
    expect(updated.data?.updateClinic).toMatchObject({ name, address: '2 George St', phone: null, timeZone: 'Australia/Sydney' });

    const read = await c.call<{ clinic: ClinicView; clinics: ClinicView[] }>(`query($id: ID!) { clinic(id: $id) { ${CLINIC_FIELDS} } clinics { id } }`, {
      id: clinic.id,
    });
    expect(read.data?.clinic).toEqual(updated.data?.updateClinic);
    expect(read.data?.clinics.map((x) => x.id)).toContain(clinic.id);
  });

  it.each([
    [{ timeZone: 'Mars/Olympus_Mons' }, 'input.timeZone', /IANA time zone/],
    [{ timeZone: '+01:00' }, 'input.timeZone', /IANA time zone/],
    [{ name: '   ' }, 'input.name', /required/],
    [{ address: '' }, 'input.address', /required/],
    [{ phone: 'call us' }, 'input.phone', /phone number/],
  ])('rejects %j naming the field', async (override, name, message) => {
    const input = { name: unique('Clinic'), address: 'Somewhere 1', timeZone: 'Asia/Kolkata', ...override };
    const result = await c.call(CREATE_CLINIC, { input }, { token: await staffToken() });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(field(result)).toBe(name);
    expect(result.errors?.[0]?.message).toMatch(message);
  });

  it('says NOT_FOUND for an unknown clinic', async () => {
    const token = await staffToken();
    const update = await c.call(UPDATE_CLINIC, { id: '00000000-0000-4000-8000-000000000001', input: { name: 'X' } }, { token });
    expect(errorCodes(update)).toEqual(['NOT_FOUND']);
    expect(errorCodes(await c.call('{ clinic(id: "nope") { id } }'))).toEqual(['NOT_FOUND']);
  });
});

describe('medical services', () => {
  it('staff create, update, deactivate and reactivate a service; the catalogue shows active ones by kind', async () => {
    const token = await staffToken();
    const name = unique('Flu vaccination');
    const created = await c.call<{ createService: ServiceView }>(
      CREATE_SERVICE,
      { input: { name, kind: 'VACCINATION', durationMinutes: 15, price: { amountCents: 2500, currency: 'eur' }, description: 'Seasonal.' } },
      { token },
    );
    expect(created.errors).toBeUndefined();
    const service = created.data!.createService;
    expect(service).toMatchObject({ name, kind: 'VACCINATION', durationMinutes: 15, price: { amountCents: 2500, currency: 'EUR' }, active: true });

    const listed = async (variables: Record<string, unknown>) =>
      (
        await c.call<{ services: { id: string }[] }>(
          'query($kind: ServiceKind, $all: Boolean) { services(kind: $kind, includeInactive: $all) { id } }',
          variables,
        )
      ).data!.services.map((s) => s.id);
    expect(await listed({ kind: 'VACCINATION' })).toContain(service.id);
    expect(await listed({ kind: 'IMAGING' })).not.toContain(service.id);

    const updated = await c.call<{ updateService: ServiceView }>(
      UPDATE_SERVICE,
      { id: service.id, input: { durationMinutes: 20, price: { amountCents: 0, currency: 'USD' }, description: '' } },
      { token },
    );
    expect(updated.data?.updateService).toMatchObject({ durationMinutes: 20, price: { amountCents: 0, currency: 'USD' }, description: null });

    const deactivated = await c.call<{ deactivateService: ServiceView }>(
      `mutation($id: ID!) { deactivateService(id: $id) { ${SERVICE_FIELDS} } }`,
      { id: service.id },
      { token },
    );
    expect(deactivated.data?.deactivateService.active).toBe(false);
    expect(await listed({ kind: 'VACCINATION' })).not.toContain(service.id);
    expect(await listed({ kind: 'VACCINATION', all: true })).toContain(service.id);
    const byId = await c.call<{ service: ServiceView }>(`query($id: ID!) { service(id: $id) { ${SERVICE_FIELDS} } }`, { id: service.id });
    expect(byId.data?.service.active).toBe(false);

    const reactivated = await c.call<{ updateService: ServiceView }>(UPDATE_SERVICE, { id: service.id, input: { active: true } }, { token });
    expect(reactivated.data?.updateService.active).toBe(true);
  });

  it.each([
    [{ durationMinutes: 0 }, 'input.durationMinutes', /greater than zero/],
    [{ durationMinutes: -15 }, 'input.durationMinutes', /greater than zero/],
    [{ durationMinutes: 24 * 60 + 1 }, 'input.durationMinutes', /at most/],
    [{ price: { amountCents: -1, currency: 'EUR' } }, 'input.price.amountCents', /zero or more/],
    [{ price: { amountCents: 100, currency: 'EURO' } }, 'input.price.currency', /ISO 4217/],
    [{ price: { amountCents: 100, currency: 'ABC' } }, 'input.price.currency', /ISO 4217/],
    [{ name: '' }, 'input.name', /required/],
  ])('rejects %j naming the field, and creates nothing', async (override, name, message) => {
    const token = await staffToken();
    const input = { name: unique('Bad service'), kind: 'LAB_TEST', durationMinutes: 10, price: { amountCents: 900, currency: 'EUR' }, ...override };
    const result = await c.call(CREATE_SERVICE, { input }, { token });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(field(result)).toBe(name);
    expect(result.errors?.[0]?.message).toMatch(message);
    const all = await c.call<{ services: { name: string }[] }>('{ services(includeInactive: true) { name } }');
    expect(all.data?.services.map((s) => s.name)).not.toContain(input.name);
  });

  it('rejects a bad update and leaves the service as it was', async () => {
    const service = await seed.service({ durationMinutes: 45 });
    const result = await c.call(UPDATE_SERVICE, { id: service.id, input: { name: 'Renamed', durationMinutes: -5 } }, { token: await staffToken() });
    expect(field(result)).toBe('input.durationMinutes');
    const after = await c.call<{ service: ServiceView }>(`query($id: ID!) { service(id: $id) { ${SERVICE_FIELDS} } }`, { id: service.id });
    expect(after.data?.service).toEqual(service);
  });

  it('says NOT_FOUND for an unknown service', async () => {
    const token = await staffToken();
    const id = '00000000-0000-4000-8000-000000000002';
    expect(errorCodes(await c.call('mutation($id: ID!) { deactivateService(id: $id) { id } }', { id }, { token }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await c.call(UPDATE_SERVICE, { id, input: { name: 'X' } }, { token }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await c.call('query($id: ID!) { service(id: $id) { id } }', { id }))).toEqual(['NOT_FOUND']);
  });
});
