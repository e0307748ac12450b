import { appointmentPayloadV1, parsePayloadV1, scheduleChangedV1, Topics } from '@medappt/platform';
import { liveField, PUBLIC_SCOPE, type Refusal } from './live-field.ts';

/** `slotsChanged(doctorId, serviceId, from, to)`, with the window as instants. */
interface SlotsArgs {
  readonly doctorId: string;
  readonly serviceId: string | null;
  readonly from: string;
  readonly to: string;
  readonly fromMs: number;
  readonly toMs: number;
}

/** The times of one doctor an event may have freed or taken; open ends are infinite. */
interface SlotsEvent {
  readonly spans: readonly { readonly doctorId: string; readonly startMs: number; readonly endMs: number }[];
}

const HOUR_MS = 3_600_000;
/**
 * How far outside the window an event can still change it: buffers (up to a day each side) keep
 * neighbouring slots from being booked, and a slot starting just before `to` runs past it.
 * Reaching too far only costs a reading; an unchanged window is not sent.
 */
const REACH_MS = 50 * HOUR_MS;

// Approving a request changes no slot: the request already held it.
const SLOT_EVENTS = new Set([
  'appointment.requested',
  'appointment.declined',
  'appointment.cancelled',
  'appointment.rescheduled',
  'appointment.completed',
  'appointment.no_show',
]);

const SLOT_WINDOW_CHECK = 'query($d: ID!, $s: ID, $f: DateTime!, $t: DateTime!) { slotWindow(doctorId: $d, serviceId: $s, from: $f, to: $t) { __typename } }';

function instant(field: string, value: unknown): number | { refusal: Refusal } {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(ms)
    ? { refusal: { code: 'BAD_USER_INPUT', message: `${field}: is not a DateTime (ISO 8601, e.g. 2026-11-23T09:00:00Z)`, extensions: { field } } }
    : ms;
}

/** A public view of one doctor's free slots in a window, sent whenever it changes. */
export const slotsChanged = liveField<SlotsArgs, SlotsEvent>({
  name: 'slotsChanged',
  topics: [Topics.appointments],
  payload: { entityField: null, queryField: 'slotWindow', arguments: 'subscription' },
  accept(args) {
    const fromMs = instant('from', args['from']);
    if (typeof fromMs !== 'number') return fromMs;
    const toMs = instant('to', args['to']);
    if (typeof toMs !== 'number') return toMs;
    const serviceId = typeof args['serviceId'] === 'string' ? args['serviceId'] : null;
    return { args: { doctorId: String(args['doctorId']), serviceId, from: String(args['from']), to: String(args['to']), fromMs, toMs } };
  },
  // The window's own rules (at most 14 days, a known doctor offering the service) are the query's: asked once, as nobody.
  async verify(args, _viewer, read) {
    const answer = await read(SLOT_WINDOW_CHECK, { d: args.doctorId, s: args.serviceId, f: args.from, t: args.to }, 'anonymous');
    const error = answer.errors?.[0];
    if (error) {
      const { code, ...extensions } = error.extensions ?? {};
      return { code: typeof code === 'string' ? code : 'BAD_REQUEST', message: error.message, extensions };
    }
    return answer.data?.['slotWindow'] ? null : { code: 'SERVICE_UNAVAILABLE', message: 'The slot window could not be read; try again shortly.' };
  },
  listensOn: (args) => [`doctor:${args.doctorId}`],
  scope: () => PUBLIC_SCOPE,
  eventOf(envelope) {
    if (envelope.type === 'schedule.changed') {
      const change = parsePayloadV1(envelope, scheduleChangedV1);
      return {
        spans: [{ doctorId: change.doctorId, startMs: change.from ? Date.parse(change.from) : -Infinity, endMs: change.to ? Date.parse(change.to) : Infinity }],
      };
    }
    if (!SLOT_EVENTS.has(envelope.type)) return null;
    const p = parsePayloadV1(envelope, appointmentPayloadV1);
    const spans = [{ doctorId: p.doctorId, startMs: Date.parse(p.startAt), endMs: Date.parse(p.endAt) }];
    // A move frees where it was, possibly with another doctor.
    if (p.previousStartAt) {
      const startMs = Date.parse(p.previousStartAt);
      const endMs = p.previousEndAt ? Date.parse(p.previousEndAt) : startMs + (spans[0]!.endMs - spans[0]!.startMs);
      spans.push({ doctorId: p.previousDoctorId ?? p.doctorId, startMs, endMs });
    }
    return { spans };
  },
  touches: (event) => [...new Set(event.spans.map((s) => `doctor:${s.doctorId}`))],
  wants: (args, event) => event.spans.some((s) => s.doctorId === args.doctorId && s.startMs < args.toMs + REACH_MS && s.endMs > args.fromMs - REACH_MS),
  // The window is the subscription's own: every event on it coalesces into one reading.
  readingOf: () => ({ entityId: '', statics: {} }),
  onlyWhenChanged: true,
});
