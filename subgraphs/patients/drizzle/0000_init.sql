CREATE TYPE "public"."allergy_severity" AS ENUM('MILD', 'MODERATE', 'SEVERE', 'LIFE_THREATENING');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('FEMALE', 'MALE', 'INTERSEX', 'UNKNOWN');--> statement-breakpoint
CREATE TABLE "admin_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" uuid NOT NULL,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"changes" jsonb NOT NULL,
	"request_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "allergies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"substance" text NOT NULL,
	"reaction" text,
	"severity" "allergy_severity" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_appointments" (
	"appointment_id" uuid PRIMARY KEY NOT NULL,
	"doctor_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"status" text NOT NULL,
	"ever_confirmed" boolean DEFAULT false NOT NULL,
	"last_event_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "history_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"occurred_on" date,
	"note" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "medications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"dose" text NOT NULL,
	"since" date,
	"until" date
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"date_of_birth" date,
	"sex" "sex" DEFAULT 'UNKNOWN' NOT NULL,
	"phone" text,
	"email" text,
	"emergency_contact" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processed_events" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "record_access_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"viewer_id" uuid NOT NULL,
	"viewer_role" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"fields" text[] NOT NULL,
	"allowed" boolean NOT NULL,
	"reason" text,
	"request_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "admin_actions_entity_idx" ON "admin_actions" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "admin_actions_at_idx" ON "admin_actions" USING btree ("at");--> statement-breakpoint
CREATE INDEX "allergies_patient_idx" ON "allergies" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "care_appointments_pair_idx" ON "care_appointments" USING btree ("doctor_id","patient_id");--> statement-breakpoint
CREATE INDEX "history_entries_patient_idx" ON "history_entries" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "medications_patient_idx" ON "medications" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "patients_name_idx" ON "patients" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "record_access_patient_idx" ON "record_access_audit" USING btree ("patient_id","at");--> statement-breakpoint
CREATE INDEX "record_access_viewer_idx" ON "record_access_audit" USING btree ("viewer_id","at");