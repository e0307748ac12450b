ALTER TABLE "care_appointments" ADD COLUMN "requested_by" text;--> statement-breakpoint
-- Hand-edited after drizzle-kit generate: rows already in the read model take the time of their last
-- event as the visit's time (the next event of that appointment sets the real one), then NOT NULL.
ALTER TABLE "care_appointments" ADD COLUMN "start_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "care_appointments" ADD COLUMN "end_at" timestamp with time zone;--> statement-breakpoint
UPDATE "care_appointments" SET "start_at" = "last_event_at", "end_at" = "last_event_at";--> statement-breakpoint
ALTER TABLE "care_appointments" ALTER COLUMN "start_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "care_appointments" ALTER COLUMN "end_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "care_appointments" DROP COLUMN "ever_confirmed";
