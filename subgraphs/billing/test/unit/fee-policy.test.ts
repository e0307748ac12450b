import { describe, expect, it } from 'vitest';
import { billableFor, type AppointmentFacts } from '../../src/domain/fee-policy.ts';

const fees = { noShowFeeCents: 2500, lateCancellationFeeCents: 1500 };
const none = { noShowFeeCents: 0, lateCancellationFeeCents: 0 };

describe('what an appointment event bills', () => {
  it.each<[string, AppointmentFacts, typeof fees, ReturnType<typeof billableFor>]>([
    ['a completed visit', { type: 'appointment.completed' }, none, { kind: 'VISIT' }],
    ['a no-show with a fee', { type: 'appointment.no_show' }, fees, { kind: 'NO_SHOW_FEE', amountCents: 2500 }],
    ['a no-show with fee 0', { type: 'appointment.no_show' }, none, null],
    [
      'a late cancel by staff',
      { type: 'appointment.cancelled', withinCancellationCutoff: true, actorRole: 'STAFF' },
      fees,
      { kind: 'LATE_CANCELLATION_FEE', amountCents: 1500 },
    ],
    ['a late cancel with fee 0', { type: 'appointment.cancelled', withinCancellationCutoff: true, actorRole: 'STAFF' }, none, null],
    ['a cancel in time', { type: 'appointment.cancelled', withinCancellationCutoff: false, actorRole: 'PATIENT' }, fees, null],
    ['a cancel from before the flag existed', { type: 'appointment.cancelled', actorRole: 'STAFF' }, fees, null],
    ['a late cancel by the doctor', { type: 'appointment.cancelled', withinCancellationCutoff: true, actorRole: 'DOCTOR' }, fees, null],
    ['a confirmation', { type: 'appointment.confirmed' }, fees, null],
    ['a decline', { type: 'appointment.declined' }, fees, null],
  ])('%s', (_name, event, settings, expected) => {
    expect(billableFor(event, settings)).toEqual(expected);
  });
});
