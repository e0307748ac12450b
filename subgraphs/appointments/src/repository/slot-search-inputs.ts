import { sql, type SQL } from 'drizzle-orm';
import { sqlLiterals } from '@medappt/platform';
import { appointments, availabilities, catalogueDoctors, catalogueServices, clinicPolicies, timeOff } from '../db/schema.ts';
import type { WeeklyRule } from '../domain/availability.ts';
import { ACTIVE_STATUSES } from '../domain/status-transitions.ts';
import { offeringCondition, type DoctorFilter } from './catalogue.ts';
import type { AppointmentsDbOrTx } from './db.ts';

/** A doctor's published hours without the time off. */
export interface Hours {
  timeZone: string;
  rules: WeeklyRule[];
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  bookingHorizonDays: number;
}

interface ServiceFacts {
  id: string;
  name: string;
  durationMinutes: number;
  active: boolean;
}

/** What a slot search reads, as one JSON document; instants are UTC milliseconds. */
export interface SlotSearchInputs {
  service: ServiceFacts | null;
  doctors: {
    id: string;
    clinicId: string;
    /** Null when the doctor has published no working hours. */
    hours: Hours | null;
    /** Time off overlapping the window, earliest first: [start, end]. */
    timeOff: [number, number][];
    /** Active appointments' blocked ranges (buffers included) overlapping the busy window: [from, until]. */
    busy: [number, number][];
    /** The doctor's clinic's minimum notice, when the clinic has a policy of its own. */
    clinicNoticeMinutes: number | null;
  }[];
}

const ms = (column: SQL) => sql`floor(extract(epoch from ${column}) * 1000)::float8`;
const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;
// Literals, not parameters: only then can a prepared statement's generic plan use the exclusion
// constraint's partial index (its predicate is on the same statuses), and Postgres stops planning
// the statement anew on every call (its custom plans won on cost while the parameters hid that).
// Overlap is asked as the constraint asks it (`tstzrange(...) &&`), so that index finds a doctor's
// active bookings in the window; as two comparisons of the columns it could not, and Postgres read
// every appointment the doctor ever had: 6 ms of its CPU a search at 130 a doctor (#15).
const activeStatuses = sqlLiterals(ACTIVE_STATUSES);

/** The doctor's hours as `Hours` JSON, or null. */
const hoursOf = (doctorId: SQL) => sql`(
  select json_build_object(
    'timeZone', a.time_zone, 'rules', a.rules,
    'bufferBeforeMinutes', a.buffer_before_minutes, 'bufferAfterMinutes', a.buffer_after_minutes,
    'minimumNoticeMinutes', a.minimum_notice_minutes, 'bookingHorizonDays', a.booking_horizon_days)
  from ${availabilities} a where a.doctor_id = ${doctorId})`;

/** The doctor's time off overlapping the window, earliest first, as [start, end] pairs. */
const timeOffOf = (doctorId: SQL, window: { from: Date; to: Date }) => sql`(
  select coalesce(json_agg(json_build_array(${ms(sql`t.start_at`)}, ${ms(sql`t.end_at`)}) order by t.start_at), '[]')
  from ${timeOff} t where t.doctor_id = ${doctorId} and t.start_at < ${at(window.to)} and t.end_at > ${at(window.from)})`;

const serviceJson = sql`json_build_object('id', s.id, 'name', s.name, 'durationMinutes', s.duration_minutes, 'active', s.active)`;

async function oneDocument<T>(db: AppointmentsDbOrTx, query: SQL): Promise<T> {
  const rows = await db.execute<{ inputs: string | T }>(query);
  const inputs = rows[0]?.inputs;
  if (inputs === undefined) throw new Error('the inputs query returned no row');
  return typeof inputs === 'string' ? (JSON.parse(inputs) as T) : inputs;
}

/**
 * Everything a slot search needs in one round trip: the service, the doctors offering it (no
 * doctor unless the service is active), each one's hours, time off within `window`, bookings
 * within `busyWindow` and the clinic's notice. Postgres builds the JSON; a search of 50 doctors
 * was six queries and ~2,000 driver-mapped values before.
 */
export async function slotSearchInputs(
  db: AppointmentsDbOrTx,
  filter: DoctorFilter,
  window: { from: Date; to: Date },
  busyWindow: { from: Date; to: Date },
): Promise<SlotSearchInputs> {
  return oneDocument<SlotSearchInputs>(
    db,
    sql`
    with service as (select * from ${catalogueServices} where ${catalogueServices.id} = ${filter.serviceId}),
    doctors as (
      select ${catalogueDoctors.id} as id, ${catalogueDoctors.clinicId} as clinic_id from ${catalogueDoctors}
      where ${offeringCondition(filter)} and exists (select 1 from service where service.active)
    )
    select json_build_object(
      'service', (select ${serviceJson} from service s),
      'doctors', (select coalesce(json_agg(json_build_object(
        'id', d.id,
        'clinicId', d.clinic_id,
        'hours', ${hoursOf(sql`d.id`)},
        'timeOff', ${timeOffOf(sql`d.id`, window)},
        'busy', (
          select coalesce(json_agg(json_build_array(${ms(sql`b.blocked_from`)}, ${ms(sql`b.blocked_until`)})), '[]')
          from ${appointments} b
          where b.doctor_id = d.id and b.status in (${activeStatuses})
            and tstzrange(b.blocked_from, b.blocked_until) && tstzrange(${at(busyWindow.from)}, ${at(busyWindow.to)})),
        'clinicNoticeMinutes', (select p.minimum_notice_minutes from ${clinicPolicies} p where p.clinic_id = d.clinic_id)
      )), '[]') from doctors d)
    ) as inputs`,
  );
}

/** What a booking at `start` reads, as one JSON document; instants are UTC milliseconds. */
export interface BookingInputs {
  service: ServiceFacts | null;
  doctor: { id: string; name: string; clinicId: string; active: boolean; serviceIds: string[] } | null;
  hours: Hours | null;
  /** Time off overlapping `around`, earliest first: [start, end]. */
  timeOff: [number, number][];
  /** The clinic's own policy, null while it uses the defaults. */
  clinicPolicy: { minimumNoticeMinutes: number; patientCutoffMinutes: number } | null;
  /**
   * Whether an active appointment of the doctor already blocks the range a booking of the
   * service at `start` would block (buffers included): the exclusion constraint's test, read
   * without inserting. Null without the service or hours to work out the range.
   */
  blocked: boolean | null;
}

/** Everything `bookingTerms` checks, and whether the time is already taken, in one round trip. */
export async function bookingInputs(
  db: AppointmentsDbOrTx,
  wanted: { doctorId: string; serviceId: string; start: Date },
  around: { from: Date; to: Date },
): Promise<BookingInputs> {
  const start = at(wanted.start);
  return oneDocument<BookingInputs>(
    db,
    sql`
    with service as (select * from ${catalogueServices} where ${catalogueServices.id} = ${wanted.serviceId}),
    doctor as (select * from ${catalogueDoctors} where ${catalogueDoctors.id} = ${wanted.doctorId}),
    range as (
      select tstzrange(${start} - make_interval(mins => a.buffer_before_minutes), ${start} + make_interval(mins => s.duration_minutes + a.buffer_after_minutes)) as blocked
      from ${availabilities} a, service s where a.doctor_id = ${wanted.doctorId}
    )
    select json_build_object(
      'service', (select ${serviceJson} from service s),
      'doctor', (select json_build_object('id', d.id, 'name', d.name, 'clinicId', d.clinic_id, 'active', d.active, 'serviceIds', d.service_ids) from doctor d),
      'hours', ${hoursOf(sql`${wanted.doctorId}`)},
      'timeOff', ${timeOffOf(sql`${wanted.doctorId}`, around)},
      'clinicPolicy', (
        select json_build_object('minimumNoticeMinutes', p.minimum_notice_minutes, 'patientCutoffMinutes', p.patient_cutoff_minutes)
        from ${clinicPolicies} p, doctor d where p.clinic_id = d.clinic_id),
      'blocked', (
        select exists (
          select 1 from ${appointments} b
          where b.doctor_id = ${wanted.doctorId} and b.status in (${activeStatuses}) and tstzrange(b.blocked_from, b.blocked_until) && r.blocked)
        from range r)
    ) as inputs`,
  );
}
