-- No double booking, ever: Postgres itself refuses two active appointments of one doctor whose
-- blocked ranges (appointment plus buffers) overlap. Inserts use ON CONFLICT DO NOTHING (no
-- conflict target), which turns a conflict into "0 rows" without waiting or deadlocking.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist ("doctor_id" WITH =, tstzrange("blocked_from", "blocked_until") WITH &&)
  WHERE ("status" IN ('REQUESTED', 'CONFIRMED'));
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_times_ordered" CHECK ("start_at" < "end_at" AND "blocked_from" <= "start_at" AND "blocked_until" >= "end_at");
--> statement-breakpoint
ALTER TABLE "time_off" ADD CONSTRAINT "time_off_ordered" CHECK ("start_at" < "end_at");
