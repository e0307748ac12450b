-- One successful booking as the appointments subgraph sends it (bookAppointment, distinct slots),
-- statement for statement: the terms read, then the transaction (the insert that the exclusion
-- constraint decides, history, outbox, NOTIFY, the waitlist). Run by bench/pgbench.ts (BENCH=pgbench),
-- which creates the scratch database, seeds it and passes the constants with -D. pgbench -M prepared
-- prepares each statement once per connection, as postgres.js does. The app sends nulls as
-- parameters; here they are literals (pgbench has no null variables).

-- Not the booking's: what the API has before it sends anything (its client's doctor once, and per
-- booking the next slot of that doctor, the event's id, the clock). Each client books its own
-- doctor's next 15-minute slot, so no two bookings collide.
\set n :n + 1
\if :n = 1
select id as doctor, gen_random_uuid() as patient from catalogue_doctors order by id offset :client_id limit 1 \gset
\endif
select gen_random_uuid() as event_id, s as start_at, s + interval '15 minutes' as end_at, s - interval '1 day' as around_from, s + interval '1 day' as around_to, now() as at
  from (select timestamptz '2030-01-07 08:00:00+00' + (:n)::int * interval '15 minutes' as s) t \gset

-- The booking terms (repository/slot-search-inputs.ts bookingInputs).
with service as (select * from "catalogue_services" where "catalogue_services"."id" = :service), doctor as (select * from "catalogue_doctors" where "catalogue_doctors"."id" = :doctor), range as ( select tstzrange(:start_at::timestamptz - make_interval(mins => a.buffer_before_minutes), :start_at::timestamptz + make_interval(mins => s.duration_minutes + a.buffer_after_minutes)) as blocked from "availabilities" a, service s where a.doctor_id = :doctor ) select json_build_object( 'service', (select json_build_object('id', s.id, 'name', s.name, 'durationMinutes', s.duration_minutes, 'active', s.active) from service s), 'doctor', (select json_build_object('id', d.id, 'name', d.name, 'clinicId', d.clinic_id, 'active', d.active, 'serviceIds', d.service_ids) from doctor d), 'hours', ( select json_build_object( 'timeZone', a.time_zone, 'rules', a.rules, 'bufferBeforeMinutes', a.buffer_before_minutes, 'bufferAfterMinutes', a.buffer_after_minutes, 'minimumNoticeMinutes', a.minimum_notice_minutes, 'bookingHorizonDays', a.booking_horizon_days) from "availabilities" a where a.doctor_id = :doctor), 'timeOff', ( select coalesce(json_agg(json_build_array(floor(extract(epoch from t.start_at) * 1000)::float8, floor(extract(epoch from t.end_at) * 1000)::float8) order by t.start_at), '[]') from "time_off" t where t.doctor_id = :doctor and t.start_at < :around_to::timestamptz and t.end_at > :around_from::timestamptz), 'clinicPolicy', ( select json_build_object('minimumNoticeMinutes', p.minimum_notice_minutes, 'patientCutoffMinutes', p.patient_cutoff_minutes) from "clinic_policies" p, doctor d where p.clinic_id = d.clinic_id), 'blocked', ( select exists ( select 1 from "appointments" b where b.doctor_id = :doctor and b.status in ('REQUESTED', 'CONFIRMED') and tstzrange(b.blocked_from, b.blocked_until) && r.blocked) from range r) ) as inputs;

begin;
insert into "appointments" ("id", "doctor_id", "patient_id", "service_id", "start_at", "end_at", "blocked_from", "blocked_until", "time_zone", "status", "reason", "idempotency_key", "idempotency_request", "created_by", "created_at", "updated_at") values (default, :doctor, :patient, :service, :start_at, :end_at, :start_at, :end_at, :zone, :requested, null, null, null, :patient, default, default) on conflict do nothing returning "id", "doctor_id", "patient_id", "service_id", "start_at", "end_at", "blocked_from", "blocked_until", "time_zone", "status", "reason", "idempotency_key", "idempotency_request", "created_by", "created_at", "updated_at" \gset a_
insert into "appointment_status_history" ("id", "appointment_id", "from_status", "to_status", "action", "actor_id", "actor_role", "reason", "start_at", "changes", "at") values (default, :a_id, null, :requested, :action, :patient, :role, null, :start_at, :changes, default);
insert into "outbox" ("id", "event_id", "topic", "key", "envelope", "created_at", "published_at", "attempts", "last_error") values (default, :event_id, :topic, :a_id, :envelope, default, default, default, default);
select pg_notify(:channel, '');
update "waitlist" set "status" = :fulfilled, "fulfilled_at" = :at, "fulfilled_appointment_id" = :a_id where ("waitlist"."patient_id" = :patient and "waitlist"."service_id" = :service and "waitlist"."status" in (:waiting, :offered) and ("waitlist"."doctor_id" is null or "waitlist"."doctor_id" = :doctor) and "waitlist"."window_start" <= :start_at and "waitlist"."window_end" >= :end_at);
commit;
