import { notFound, pageSize } from '@medappt/platform';
import { expandSlots, type Interval } from '../domain/availability.ts';
import { DAY_MS } from '../domain/calendar.ts';
import { localStartOf } from '../domain/zoned-time.ts';
import { busyIntervals } from '../repository/appointments.ts';
import { doctorsOffering, findDoctor, findService } from '../repository/catalogue.ts';
import type { AppointmentsDbOrTx } from '../repository/db.ts';
import { availabilityOf } from '../repository/working-hours.ts';
import { noticeFloors } from './clinic-policies.ts';

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
 * their zone, minus time off and active appointments (with buffers). Two queries for any number
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
  const service = await activeService(db, query.serviceId);
  const doctors = await doctorsOffering(db, {
    serviceId: service.id,
    specialty: query.specialty ?? null,
    clinicId: query.clinicId ?? null,
    doctorIds: query.doctorIds ?? null,
  });
  const ids = doctors.map((d) => d.id);
  // A clinic's minimum notice is a floor under its doctors' own.
  const [availability, busy, floors] = await Promise.all([
    availabilityOf(db, ids, { from: query.from, to: query.to }),
    busyIntervals(db, ids, new Date(query.from.getTime() - DAY_MS), new Date(query.to.getTime() + DAY_MS)),
    noticeFloors(
      db,
      doctors.map((d) => d.clinicId),
    ),
  ]);
  const busyByDoctor = new Map<string, Interval[]>();
  for (const b of busy) {
    const list = busyByDoctor.get(b.doctorId) ?? [];
    list.push({ start: b.start, end: b.end });
    busyByDoctor.set(b.doctorId, list);
  }

  for (const doctor of doctors) {
    const hours = availability.get(doctor.id);
    const floor = floors.get(doctor.clinicId) ?? 0;
    if (hours && floor > hours.minimumNoticeMinutes) availability.set(doctor.id, { ...hours, minimumNoticeMinutes: floor });
  }

  const raws = new Map<string, Interval[]>();
  for (const doctor of doctors) {
    const hours = availability.get(doctor.id);
    // Busy rows are stored with buffers already applied; expandSlots wants raw times.
    if (hours) {
      raws.set(
        doctor.id,
        (busyByDoctor.get(doctor.id) ?? []).map((b) => ({
          start: new Date(b.start.getTime() + hours.bufferBeforeMinutes * 60_000),
          end: new Date(b.end.getTime() - hours.bufferAfterMinutes * 60_000),
        })),
      );
    }
  }

  // Day by day, stopping once `limit` slots are found: later days cannot hold earlier slots, so
  // a search for the first 100 of a week usually expands one day, not seven.
  const limit = query.limit ?? Infinity;
  const slots: Omit<SlotModel, 'localStart'>[] = [];
  for (let windowStart = query.from.getTime(); windowStart < query.to.getTime() && slots.length < limit; windowStart += DAY_MS) {
    const window = { from: new Date(windowStart), to: new Date(Math.min(windowStart + DAY_MS, query.to.getTime())) };
    for (const doctor of doctors) {
      const hours = availability.get(doctor.id);
      if (!hours) continue;
      for (const slot of expandSlots({
        availability: hours,
        slotMinutes: service.durationMinutes,
        ...window,
        now: query.now,
        busy: raws.get(doctor.id) ?? [],
      })) {
        slots.push({ start: slot.start, end: slot.end, timeZone: hours.timeZone, doctorId: doctor.id, serviceId: service.id, clinicId: doctor.clinicId });
      }
    }
  }
  // Plain comparison: localeCompare (ICU) is far slower for a few thousand slots.
  slots.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.doctorId < b.doctorId ? -1 : a.doctorId > b.doctorId ? 1 : 0));
  // Local time is worked out only for the slots returned.
  return slots.slice(0, limit).map((slot) => ({ ...slot, localStart: localStartOf(slot.start, slot.timeZone) }));
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
