CREATE TABLE "clinic_policies" (
	"clinic_id" uuid PRIMARY KEY NOT NULL,
	"minimum_notice_minutes" integer NOT NULL,
	"patient_cutoff_minutes" integer NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "waitlist" ADD COLUMN "offered_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "waitlist" ADD COLUMN "offered_doctor_id" uuid;--> statement-breakpoint
CREATE INDEX "waitlist_patient_idx" ON "waitlist" USING btree ("patient_id");