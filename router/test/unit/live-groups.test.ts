import { randomUUID } from 'node:crypto';
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createEnvelope, createLogger, Topics } from '@medappt/platform';
import type { Connection } from '../../src/subscriptions/connection.ts';
import { appointmentChanged } from '../../src/subscriptions/fields/appointment-changed.ts';
import type { AnyLiveField } from '../../src/subscriptions/fields/live-field.ts';
import { slotsChanged } from '../../src/subscriptions/fields/slots-changed.ts';
import { limiter } from '../../src/subscriptions/limiter.ts';
import { liveGroups, type GroupSpec } from '../../src/subscriptions/live-groups.ts';
import { payloadPlan, type PayloadPlan } from '../../src/subscriptions/payload-query.ts';

const SLOTS = 'subscription($d: ID!, $f: DateTime!, $t: DateTime!) { slotsChanged(doctorId: $d, from: $f, to: $t) { from slots { start } } }';
const CHANGES = 'subscription($d: ID) { appointmentChanged(doctorId: $d) { action appointment { id } } }';
const DAY = 86_400_000;
const T0 = Date.parse('2030-01-07T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function planOf(document: string, field: AnyLiveField): PayloadPlan {
  const plan = payloadPlan(parse(document), null, field.payload);
  if ('problem' in plan) throw new Error(plan.problem);
  return plan;
}

function specOf(field: AnyLiveField, document: string, variables: Record<string, unknown>, args: Record<string, unknown>): GroupSpec {
  const accepted = field.accept(args, { userId: String(args['doctorId']), role: 'DOCTOR' } as never, undefined);
  if ('refusal' in accepted) throw new Error(accepted.refusal.message);
  return {
    key: `${field.name}${JSON.stringify(variables)}`,
    field,
    args: accepted.args,
    plan: planOf(document, field),
    variables,
    scope: field.scope(accepted.args, null),
    listensOn: field.listensOn(accepted.args, null),
  };
}

const slotsSpec = (doctorId: string, fromMs = T0) =>
  specOf(slotsChanged, SLOTS, { d: doctorId, f: iso(fromMs), t: iso(fromMs + DAY) }, { doctorId, from: iso(fromMs), to: iso(fromMs + DAY) });

const scheduleChanged = (doctorId: string, fromMs: number, toMs: number) =>
  createEnvelope({ type: 'schedule.changed', key: doctorId, payload: { doctorId, change: 'time_off_added', from: iso(fromMs), to: iso(toMs) } });

function appointmentEvent(type: string, doctorId: string, startMs: number, appointmentId = randomUUID()) {
  return createEnvelope({
    type,
    key: appointmentId,
    payload: {
      appointmentId,
      doctorId,
      patientId: randomUUID(),
      serviceId: randomUUID(),
      startAt: iso(startMs),
      endAt: iso(startMs + 1_800_000),
      status: 'REQUESTED',
    },
  });
}

/** Groups whose readings wait until the test lets each one finish, with a record of what was read. */
function harness(maxConcurrent = 16) {
  const reads: { field: string; entityId: string; statics: Record<string, unknown>; finish: () => void }[] = [];
  let onRead = (): void => undefined;
  const groups = liveGroups({
    fields: [appointmentChanged, slotsChanged],
    run: limiter(maxConcurrent, 100),
    read: (group, reading) =>
      new Promise<void>((finish) => {
        reads.push({ field: group.field.name, entityId: reading.entityId, statics: { ...reading.statics }, finish });
        onRead();
      }),
    logger: createLogger('test', 'silent'),
  });
  const member = { connection: {} as Connection, send: () => undefined, ended: () => false };
  const nextRead = () => new Promise<void>((resolve) => (onRead = resolve));
  // A few turns of the event loop: whatever would be scheduled has been by then.
  const settle = async () => {
    for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
  };
  return { groups, reads, member, nextRead, settle };
}

describe('live groups: grouping and coalescing of readings', () => {
  it('events arriving while a reading runs give exactly one more reading, not one each', async () => {
    const { groups, reads, member, nextRead, settle } = harness();
    const doctorId = randomUUID();
    groups.join(slotsSpec(doctorId), member);
    const first = nextRead();
    groups.deliver(Topics.appointments.name, appointmentEvent('appointment.requested', doctorId, T0 + 10 * 3_600_000));
    await first;
    for (let i = 0; i < 5; i += 1) groups.deliver(Topics.appointments.name, appointmentEvent('appointment.requested', doctorId, T0 + (11 + i) * 3_600_000));
    expect(reads).toHaveLength(1);
    const again = nextRead();
    reads[0]!.finish();
    await again;
    reads[1]!.finish();
    await settle();
    expect(reads).toHaveLength(2);
  });

  it('events arriving while a reading waits for a free slot are served by it', async () => {
    const { groups, reads, member, nextRead, settle } = harness(1);
    const [busy, watched] = [randomUUID(), randomUUID()];
    groups.join(slotsSpec(busy), member);
    groups.join(slotsSpec(watched), member);
    const first = nextRead();
    groups.deliver(Topics.appointments.name, scheduleChanged(busy, T0, T0 + DAY));
    await first;
    for (let i = 0; i < 5; i += 1) groups.deliver(Topics.appointments.name, scheduleChanged(watched, T0 + i * 3_600_000, T0 + (i + 1) * 3_600_000));
    const second = nextRead();
    reads[0]!.finish();
    await second;
    reads[1]!.finish();
    await settle();
    expect(reads.map((r) => r.field)).toEqual(['slotsChanged', 'slotsChanged']);
    expect(reads).toHaveLength(2);
  });

  it('an appointment change keeps every action; a slot window ignores approvals and what happens days away', async () => {
    const { groups, reads, member, settle } = harness();
    const doctorId = randomUUID();
    groups.join(specOf(appointmentChanged, CHANGES, { d: doctorId }, { doctorId }), member);
    groups.join(slotsSpec(doctorId), member);
    const appointmentId = randomUUID();
    groups.deliver(Topics.appointments.name, appointmentEvent('appointment.requested', doctorId, T0 + 5 * DAY, appointmentId));
    groups.deliver(Topics.appointments.name, appointmentEvent('appointment.confirmed', doctorId, T0 + 5 * DAY, appointmentId));
    groups.deliver(Topics.appointments.name, appointmentEvent('appointment.confirmed', doctorId, T0 + 3_600_000));
    groups.deliver(Topics.appointments.name, scheduleChanged(randomUUID(), T0, T0 + DAY));
    await settle();
    expect(reads.map((r) => [r.field, r.statics['action']])).toEqual([
      ['appointmentChanged', 'REQUESTED'],
      ['appointmentChanged', 'CONFIRMED'],
      ['appointmentChanged', 'CONFIRMED'],
    ]);
    expect(reads[0]!.entityId).toBe(appointmentId);
  });

  it('a group leaves the index with its last member', async () => {
    const { groups, reads, member, settle } = harness();
    const doctorId = randomUUID();
    const leave = groups.join(slotsSpec(doctorId), member);
    expect(groups.size).toBe(1);
    leave();
    expect(groups.size).toBe(0);
    groups.deliver(Topics.appointments.name, scheduleChanged(doctorId, T0, T0 + DAY));
    await settle();
    expect(reads).toHaveLength(0);
  });
});

describe('payload plans', () => {
  it('a payload that is the entity is read with the subscription’s own arguments on the query field', () => {
    const plan = planOf(
      `subscription($d: ID!, $f: DateTime!, $t: DateTime!, $unused: ID) { live: slotsChanged(doctorId: $d, from: $f, to: $t) { ...W } }
      fragment W on SlotWindow { from slots { start } }`,
      slotsChanged,
    );
    expect(plan).toMatchObject({ rootKey: 'live', idVariable: null, wholeEntity: true });
    expect(print(plan.query!).replace(/\s+/g, ' ')).toBe(
      'query SubscriptionPayload($d: ID!, $f: DateTime!, $t: DateTime!) { live: slotWindow(doctorId: $d, from: $f, to: $t) { ...W } } fragment W on SlotWindow { from slots { start } }',
    );
  });
});
