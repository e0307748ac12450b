import { notFound, pageSize } from '@medappt/platform';
import { slotExpander, type Availability, type SlotExpander } from '../domain/availability.ts';
import { DAY_MS, MINUTE_MS } from '../domain/calendar.ts';
import { localStartOf } from '../domain/zoned-time.ts';
import { findDoctor, findService } from '../repository/catalogue.ts';
import type { AppointmentsDbOrTx } from '../repository/db.ts';
import { slotSearchInputs } from '../repository/slot-search-inputs.ts';

/** Slot search, the step every slot query, booking and waitlist shares. */

export interface SlotModel {
  start: Date;
  end: Date;
  timeZone: string;
  localStart: string;
  doctorId: string;
  serviceId: string;
  clinicId: string;
}

export const MAX_SLOTS = 1000;

export function slotLimit(first: number | null | undefined, fallback: number): number {
  return pageSize(first, { default: fallback, max: MAX_SLOTS });
}

export async function activeService(db: AppointmentsDbOrTx, serviceId: string) {
  const service = await findService(db, serviceId);
  if (!service || !service.active) throw notFound('Medical service', serviceId);
  return service;
}

/**
 * Free slots of the service across the doctors offering it: each doctor's rules expanded in
 * their zone, minus time off and active appointments (with buffers). One query for any number
 * of doctors.
 */
export async function searchSlots(
  db: AppointmentsDbOrTx,
  query: {
    serviceId: string;
    from: Date;
    to: Date;
    now: Date;
    specialty?: string | null;
    clinicId?: string | null;
    doctorIds?: string[] | null;
    limit?: number;
  },
): Promise<SlotModel[]> {
  // No time in the window (alternatives around a time long past): nothing to search, and the
  // inputs query's ranges need from <= to.
  if (query.to.getTime() <= query.from.getTime()) return [];
  const { service, doctors } = await slotSearchInputs(
    db,
    { serviceId: query.serviceId, specialty: query.specialty ?? null, clinicId: query.clinicId ?? null, doctorIds: query.doctorIds ?? null },
    { from: query.from, to: query.to },
    { from: new Date(query.from.getTime() - DAY_MS), to: new Date(query.to.getTime() + DAY_MS) },
  );
  if (!service || !service.active) throw notFound('Medical service', query.serviceId);

  const expanders: { doctor: (typeof doctors)[number]; timeZone: string; expander: SlotExpander }[] = [];
  for (const doctor of doctors) {
    const { hours } = doctor;
    if (!hours) continue;
    // A clinic's minimum notice is a floor under its doctors' own.
    const availability: Availability = {
      ...hours,
      minimumNoticeMinutes: Math.max(hours.minimumNoticeMinutes, doctor.clinicNoticeMinutes ?? 0),
      timeOff: doctor.timeOff.map(([start, end]) => ({ start: new Date(start), end: new Date(end) })),
    };
    // Busy rows are stored with buffers already applied; the expansion wants raw times.
    const busy = doctor.busy.map(([from, until]) => ({
      start: new Date(from + hours.bufferBeforeMinutes * MINUTE_MS),
      end: new Date(until - hours.bufferAfterMinutes * MINUTE_MS),
    }));
    expanders.push({ doctor, timeZone: hours.timeZone, expander: slotExpander({ availability, slotMinutes: service.durationMinutes, now: query.now, busy }) });
  }

  // Day by day, stopping once `limit` slots are found: later days cannot hold earlier slots, so
  // a search for the first 100 of a week usually expands one day, not seven. Slots stay numbers
  // (start, and the doctor's place in id order, which breaks ties) until the page is cut.
  // Plain comparison of ids: localeCompare (ICU) is far slower.
  expanders.sort((a, b) => (a.doctor.id < b.doctor.id ? -1 : a.doctor.id > b.doctor.id ? 1 : 0));
  const limit = query.limit ?? Infinity;
  // Slots as two columns (start, and the doctor's place in id order, which breaks ties) and one
  // sorted index: no object per slot found, most of which are cut off by the page.
  const starts: number[] = [];
  const places: number[] = [];
  for (let windowStart = query.from.getTime(); windowStart < query.to.getTime() && starts.length < limit; windowStart += DAY_MS) {
    const window = { from: new Date(windowStart), to: new Date(Math.min(windowStart + DAY_MS, query.to.getTime())) };
    expanders.forEach(({ expander }, by) => {
      for (const start of expander.starts(window.from, window.to)) {
        starts.push(start);
        places.push(by);
      }
    });
  }
  const order = new Uint32Array(starts.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => starts[a]! - starts[b]! || places[a]! - places[b]!);
  const slotMs = service.durationMinutes * MINUTE_MS;
  // Dates and local time are worked out only for the slots returned.
  return Array.from(order.subarray(0, Math.min(limit, order.length)), (i) => {
    const start = starts[i]!;
    const by = places[i]!;
    const { doctor, timeZone } = expanders[by]!;
    const startAt = new Date(start);
    return {
      start: startAt,
      end: new Date(start + slotMs),
      timeZone,
      localStart: localStartOf(startAt, timeZone),
      doctorId: doctor.id,
      serviceId: service.id,
      clinicId: doctor.clinicId,
    };
  });
}

/**
 * Nearest free times with the same doctor (within three days either side), then other doctors
 * offering the service at the same clinic within twelve hours of the wanted time. Never another
 * clinic's: the same UTC instant in another city is no alternative for someone who lives here.
 * Both searches are bounded so that a crowd losing a race for one slot does not each expand
 * every doctor's fortnight.
 */
export async function alternativesFor(
  db: AppointmentsDbOrTx,
  wanted: { doctorId: string; serviceId: string; start: Date; now: Date },
  limits = { sameDoctor: 5, otherDoctors: 5 },
): Promise<SlotModel[]> {
  const at = wanted.start.getTime();
  const byDistance = (a: SlotModel, b: SlotModel) => Math.abs(a.start.getTime() - at) - Math.abs(b.start.getTime() - at);
  const byStart = (a: SlotModel, b: SlotModel) => a.start.getTime() - b.start.getTime();
  const around = (hours: number) => ({ from: new Date(Math.max(wanted.now.getTime(), at - hours * 3_600_000)), to: new Date(at + hours * 3_600_000) });
  const doctor = await findDoctor(db, wanted.doctorId);
  const [same, nearby] = await Promise.all([
    searchSlots(db, { serviceId: wanted.serviceId, ...around(72), now: wanted.now, doctorIds: [wanted.doctorId] }),
    doctor ? searchSlots(db, { serviceId: wanted.serviceId, ...around(12), now: wanted.now, clinicId: doctor.clinicId }) : [],
  ]);
  const others = nearby.filter((s) => s.doctorId !== wanted.doctorId);
  return [...same.sort(byDistance).slice(0, limits.sameDoctor).sort(byStart), ...others.sort(byDistance).slice(0, limits.otherDoctors).sort(byStart)];
}
