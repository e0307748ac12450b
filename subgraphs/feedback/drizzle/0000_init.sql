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
CREATE TABLE "doctor_ratings" (
	"doctor_id" uuid PRIMARY KEY NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"overall_sum" integer DEFAULT 0 NOT NULL,
	"overall_1" integer DEFAULT 0 NOT NULL,
	"overall_2" integer DEFAULT 0 NOT NULL,
	"overall_3" integer DEFAULT 0 NOT NULL,
	"overall_4" integer DEFAULT 0 NOT NULL,
	"overall_5" integer DEFAULT 0 NOT NULL,
	"bedside_manner_count" integer DEFAULT 0 NOT NULL,
	"bedside_manner_sum" integer DEFAULT 0 NOT NULL,
	"wait_time_count" integer DEFAULT 0 NOT NULL,
	"wait_time_sum" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"appointment_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"doctor_id" uuid NOT NULL,
	"visit_start_at" timestamp with time zone NOT NULL,
	"visit_time_zone" text NOT NULL,
	"overall" smallint NOT NULL,
	"bedside_manner" smallint,
	"wait_time" smallint,
	"comment" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_by" uuid,
	"hidden_reason" text,
	CONSTRAINT "feedback_entries_seq_unique" UNIQUE("seq"),
	CONSTRAINT "feedback_entries_appointment_id_unique" UNIQUE("appointment_id"),
	CONSTRAINT "feedback_entries_overall_range" CHECK ("feedback_entries"."overall" between 1 and 5),
	CONSTRAINT "feedback_entries_bedside_range" CHECK ("feedback_entries"."bedside_manner" between 1 and 5),
	CONSTRAINT "feedback_entries_wait_range" CHECK ("feedback_entries"."wait_time" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"key" text NOT NULL,
	"envelope" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "outbox_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "processed_events" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"appointment_id" uuid PRIMARY KEY NOT NULL,
	"patient_id" uuid NOT NULL,
	"doctor_id" uuid NOT NULL,
	"status" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"completed_at" timestamp with time zone,
	"last_event_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "admin_actions_entity_idx" ON "admin_actions" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "admin_actions_at_idx" ON "admin_actions" USING btree ("at");--> statement-breakpoint
CREATE INDEX "feedback_entries_doctor_idx" ON "feedback_entries" USING btree ("doctor_id","seq");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "outbox" USING btree ("id") WHERE "outbox"."published_at" is null;--> statement-breakpoint
CREATE INDEX "visits_patient_idx" ON "visits" USING btree ("patient_id");