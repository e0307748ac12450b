import { describe, expect, it } from 'vitest';
import {
  as,
  c,
  confirmed,
  invoiceOf,
  invoicesOfPatient,
  patient,
  practice,
  publishAppointmentEvent,
  publishedEvent,
  setSettings,
  setSettingsCall,
  settingsOf,
  type Practice,
} from './fixtures.ts';
import { adminSession, errorCodes, eventually, type AuthPayload } from '@medappt/testkit';

const eur = (amountCents: number) => ({ amountCents, currency: 'EUR' });
const usd = (amountCents: number) => ({ amountCents, currency: 'USD' });

/** The confirmed appointment's event payload, as billing received it. */
async function payloadOf(appointmentId: string): Promise<Record<string, unknown>> {
  return (JSON.parse(await publishedEvent(appointmentId, 'appointment.confirmed')) as { payload: Record<string, unknown> }).payload;
}

/**
 * A no-show is recorded only after the start, which a booking made now never reaches: the test
 * publishes the event appointments would publish then, for a real confirmed appointment.
 */
async function noShow(appointmentId: string): Promise<void> {
  await publishAppointmentEvent('appointment.no_show', {
    ...(await payloadOf(appointmentId)),
    status: 'NO_SHOW',
    previousStatus: 'CONFIRMED',
    action: 'MARK_NO_SHOW',
    actorRole: 'DOCTOR',
  });
}

/** Behind everything sent for the appointment: once its visit invoice shows, what came before was handled. */
async function kindsAfterSentinel(p: Practice, pat: AuthPayload, appointmentId: string): Promise<string[]> {
  await publishAppointmentEvent('appointment.completed', { ...(await payloadOf(appointmentId)), status: 'COMPLETED' });
  await invoiceOf(appointmentId, p.staff.accessToken);
  return (await invoicesOfPatient(pat.user.id, p.staff.accessToken)).filter((i) => i.appointment.id === appointmentId).map((i) => i.kind);
}

const CANCEL = 'mutation($id: ID!, $o: OverrideInput) { cancelAppointment(id: $id, reason: "called in sick", override: $o) { status } }';

describe("fees by the clinic's policy", () => {
  it("a no-show is charged the clinic's no-show fee, with its tax", async () => {
    const p = await practice({ settings: { noShowFee: eur(2500), taxRateBasisPoints: 1000 } });
    const pat = await patient();
    const id = await confirmed(p, pat);
    await noShow(id);
    const fee = await invoiceOf(id, pat.accessToken);
    expect(fee).toMatchObject({
      kind: 'NO_SHOW_FEE',
      status: 'ISSUED',
      lines: [{ description: `No-show fee: ${p.serviceName}`, amount: eur(2500), tax: eur(250) }],
      gross: eur(2750),
    });
  });

  it('no fee when the clinic charges 0 for a no-show', async () => {
    const p = await practice();
    const pat = await patient();
    const id = await confirmed(p, pat);
    await noShow(id);
    expect(await kindsAfterSentinel(p, pat, id)).toEqual(['VISIT']);
  });

  it('a cancellation inside the patient cutoff (staff making the exception) is charged the late-cancellation fee; one in time is not', async () => {
    const p = await practice({ settings: { lateCancellationFee: eur(1500) } });
    const pat = await patient();
    const late = await confirmed(p, pat, { soon: true });
    await as(p.staff.accessToken, CANCEL, { id: late, o: { reason: 'patient called, ill' } });
    const cancelled = JSON.parse(await publishedEvent(late, 'appointment.cancelled')) as { payload: Record<string, unknown> };
    expect(cancelled.payload['withinCancellationCutoff']).toBe(true);
    expect(await invoiceOf(late, pat.accessToken)).toMatchObject({
      kind: 'LATE_CANCELLATION_FEE',
      gross: eur(1500),
      lines: [{ description: `Late cancellation fee: ${p.serviceName}` }],
    });

    const inTime = await confirmed(p, pat);
    await as(pat.accessToken, CANCEL, { id: inTime });
    const event = JSON.parse(await publishedEvent(inTime, 'appointment.cancelled')) as { payload: Record<string, unknown> };
    expect(event.payload['withinCancellationCutoff']).toBe(false);
    expect(await kindsAfterSentinel(p, pat, inTime)).toEqual(['VISIT']);
  });

  it('no fee for a late cancellation when the clinic charges 0', async () => {
    const p = await practice();
    const pat = await patient();
    const late = await confirmed(p, pat, { soon: true });
    await as(p.staff.accessToken, CANCEL, { id: late, o: { reason: 'patient called, ill' } });
    expect(await kindsAfterSentinel(p, pat, late)).toEqual(['VISIT']);
  });

  it("fees follow the clinic's currency: once it changes, fees set in the old one charge nothing until set again in the new one", async () => {
    const p = await practice({ settings: { noShowFee: eur(700), lateCancellationFee: eur(900), taxRateBasisPoints: 1000 } });
    const pat = await patient();
    const missed = await confirmed(p, pat);
    const admin = (await adminSession(c)).accessToken;
    await as(admin, 'mutation($id: ID!) { updateClinic(id: $id, input: { currency: "USD" }) { id } }', { id: p.clinicId });
    // The catalogue price is in EUR: the visit at the sentinel needs the clinic's own, in USD.
    await as(
      admin,
      'mutation($c: ID!, $s: ID!) { setClinicPrice(clinicId: $c, serviceId: $s, price: { amountCents: 6000, currency: "USD" }) { price { currency } } }',
      {
        c: p.clinicId,
        s: p.serviceId,
      },
    );
    const settings = await eventually(async () => {
      const now = await settingsOf(p);
      return now['currency'] === 'USD' ? now : undefined;
    });
    expect(settings).toMatchObject({ taxRateBasisPoints: 1000, noShowFee: usd(0), lateCancellationFee: usd(0) });

    const stale = await setSettingsCall(p, { noShowFee: eur(700) });
    expect([errorCodes(stale), stale.errors?.[0]?.extensions?.['field']]).toEqual([['BAD_USER_INPUT'], 'input.noShowFee.currency']);

    await noShow(missed);
    expect(await kindsAfterSentinel(p, pat, missed)).toEqual(['VISIT']);
    expect((await invoiceOf(missed, p.staff.accessToken)).gross).toEqual(usd(6600));

    await setSettings(p, { noShowFee: usd(800) });
    const again = await confirmed(p, pat);
    await noShow(again);
    expect(await invoiceOf(again, pat.accessToken)).toMatchObject({ kind: 'NO_SHOW_FEE', net: usd(800), gross: usd(880) });
  });
});
