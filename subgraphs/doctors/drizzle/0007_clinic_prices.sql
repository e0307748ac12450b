CREATE TABLE "clinic_prices" (
	"clinic_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"price_cents" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clinic_prices_clinic_id_service_id_pk" PRIMARY KEY("clinic_id","service_id"),
	CONSTRAINT "clinic_prices_price_not_negative" CHECK ("clinic_prices"."price_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "currency" char(3) DEFAULT 'EUR' NOT NULL;--> statement-breakpoint
ALTER TABLE "clinic_prices" ADD CONSTRAINT "clinic_prices_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_prices" ADD CONSTRAINT "clinic_prices_service_id_medical_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."medical_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clinic_prices_service_idx" ON "clinic_prices" USING btree ("service_id");