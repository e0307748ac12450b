-- Clinics, services and doctors saved before this subgraph published events: announce each one's
-- current state once (doctors.events.v1, as src/events/catalogue-events.ts writes them), so read
-- models built from the topic (appointments) start complete. On a new database this inserts nothing.
WITH states AS (
  SELECT 1 AS ord, c.updated_at AS at, 'clinic.saved' AS type, c.id::text AS key,
    jsonb_build_object('clinicId', c.id, 'name', c.name, 'timeZone', c.time_zone,
      'updatedAt', to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS payload
  FROM clinics c
  UNION ALL
  SELECT 2, s.updated_at, 'service.saved', s.id::text,
    jsonb_build_object('serviceId', s.id, 'name', s.name, 'kind', s.kind::text, 'durationMinutes', s.duration_minutes,
      'priceCents', s.price_cents, 'currency', s.currency, 'active', s.active,
      'updatedAt', to_char(s.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
  FROM medical_services s
  UNION ALL
  SELECT 3, d.updated_at, 'doctor.saved', d.id::text,
    jsonb_build_object('doctorId', d.id, 'name', d.name, 'specialties', to_jsonb(d.specialties), 'clinicId', d.clinic_id,
      'active', d.active,
      'serviceIds', coalesce((SELECT jsonb_agg(ds.service_id ORDER BY ds.service_id) FROM doctor_services ds WHERE ds.doctor_id = d.id), '[]'::jsonb),
      'updatedAt', to_char(d.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
  FROM doctors d
),
events AS (SELECT gen_random_uuid() AS id, * FROM states)
INSERT INTO outbox (event_id, topic, key, envelope)
SELECT id, 'doctors.events.v1', key,
  jsonb_build_object('id', id, 'type', type, 'version', 1,
    'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'key', key, 'requestId', NULL, 'payload', payload)
FROM events
ORDER BY ord, at, key;
