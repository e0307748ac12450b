CREATE TYPE "public"."sign_up_kind" AS ENUM('NEW', 'TAKEN');--> statement-breakpoint
CREATE TABLE "pending_sign_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"kind" "sign_up_kind" NOT NULL,
	"name" text,
	"password_hash" text,
	"ip" text NOT NULL,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token_hash" text,
	"next_send_at" timestamp with time zone,
	"send_attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text,
	"completed_at" timestamp with time zone,
	CONSTRAINT "pending_sign_ups_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE INDEX "pending_sign_ups_email_created_idx" ON "pending_sign_ups" USING btree ("email","created_at");--> statement-breakpoint
CREATE INDEX "pending_sign_ups_ip_created_idx" ON "pending_sign_ups" USING btree ("ip","created_at");--> statement-breakpoint
CREATE INDEX "pending_sign_ups_due_idx" ON "pending_sign_ups" USING btree ("next_send_at") WHERE "pending_sign_ups"."next_send_at" is not null;