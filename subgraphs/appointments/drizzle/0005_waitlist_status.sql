CREATE TYPE "public"."waitlist_status" AS ENUM('WAITING', 'OFFERED', 'FULFILLED');--> statement-breakpoint
ALTER TABLE "waitlist" ADD COLUMN "status" "waitlist_status" DEFAULT 'WAITING' NOT NULL;--> statement-breakpoint
ALTER TABLE "waitlist" ADD COLUMN "fulfilled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "waitlist" ADD COLUMN "fulfilled_appointment_id" uuid;--> statement-breakpoint
UPDATE "waitlist" SET "status" = 'OFFERED' WHERE "offered_at" IS NOT NULL;--> statement-breakpoint
-- Entries joined twice before this migration: the oldest keeps its place in line, the copies go.
DELETE FROM "waitlist" AS "copy" USING "waitlist" AS "kept"
 WHERE "copy"."patient_id" = "kept"."patient_id" AND "copy"."service_id" = "kept"."service_id"
   AND "copy"."doctor_id" IS NOT DISTINCT FROM "kept"."doctor_id"
   AND "copy"."window_start" = "kept"."window_start" AND "copy"."window_end" = "kept"."window_end"
   AND ("copy"."created_at", "copy"."id") > ("kept"."created_at", "kept"."id");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_active_entry_idx" ON "waitlist" USING btree ("patient_id","service_id",coalesce("doctor_id", '00000000-0000-0000-0000-000000000000'::uuid),"window_start","window_end") WHERE "waitlist"."status" in ('WAITING', 'OFFERED');