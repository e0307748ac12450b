ALTER TABLE "record_access_audit" ALTER COLUMN "viewer_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "record_access_audit" ALTER COLUMN "viewer_role" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "record_access_audit" ADD COLUMN "client_request_id" text;--> statement-breakpoint
ALTER TABLE "record_access_audit" ADD COLUMN "client_ip" text;