CREATE TYPE "public"."annual_report_action" AS ENUM('submit', 'countyPass', 'countyReturn', 'cityAccept', 'cityReturn');--> statement-breakpoint
CREATE TABLE "annual_report_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type_id" uuid,
	"indicators" jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_report_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"action" "annual_report_action" NOT NULL,
	"from_status" "annual_report_status" NOT NULL,
	"to_status" "annual_report_status" NOT NULL,
	"comment" text,
	"actor_id" uuid,
	"indicators" jsonb,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_report_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"due_on" date NOT NULL,
	"opened_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_report_years_year_check" CHECK ("annual_report_years"."year" between 2000 and 2100)
);
--> statement-breakpoint
ALTER TABLE "annual_reports" ADD COLUMN "narratives" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "annual_report_forms" ADD CONSTRAINT "annual_report_forms_type_id_platform_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."platform_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_reviews" ADD CONSTRAINT "annual_report_reviews_report_id_annual_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."annual_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_reviews" ADD CONSTRAINT "annual_report_reviews_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_years" ADD CONSTRAINT "annual_report_years_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_report_forms_type_key" ON "annual_report_forms" USING btree (coalesce("type_id"::text, 'default'));--> statement-breakpoint
CREATE INDEX "annual_report_reviews_report_idx" ON "annual_report_reviews" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE INDEX "annual_reports_year_status_idx" ON "annual_reports" USING btree ("year","status");