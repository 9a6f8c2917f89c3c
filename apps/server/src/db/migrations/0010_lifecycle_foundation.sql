CREATE TYPE "public"."application_status" AS ENUM('draft', 'county_review', 'returned', 'formal_review', 'expert_review', 'public_notice', 'recognized', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."call_status" AS ENUM('draft', 'open', 'closed', 'archived');--> statement-breakpoint
CREATE TYPE "public"."annual_report_status" AS ENUM('draft', 'county_review', 'city_review', 'returned', 'accepted');--> statement-breakpoint
CREATE TYPE "public"."evaluation_grade" AS ENUM('excellent', 'good', 'qualified', 'unqualified');--> statement-breakpoint
CREATE TYPE "public"."evaluation_outcome" AS ENUM('keep', 'rectify', 'revoke', 'recommend');--> statement-breakpoint
CREATE TYPE "public"."evaluation_round_status" AS ENUM('draft', 'scoring', 'reviewing', 'published', 'applied');--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"platform_name" text NOT NULL,
	"technical_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"co_builder_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"collaborators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"form" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"platform_id" uuid,
	"recognition_doc_no" text,
	"created_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"region_id" uuid NOT NULL,
	"type_ids" uuid[] NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"status" "call_status" DEFAULT 'draft' NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"eligibility_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text,
	"created_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"region_id" uuid,
	"user_id" uuid,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"title" text NOT NULL,
	"phone" text,
	"id_number" text,
	"suspended" boolean DEFAULT false NOT NULL,
	"suspended_reason" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "panel_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"panel_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"declared_at" timestamp with time zone,
	"declared_conflict" boolean,
	"declaration_note" text,
	"replaced_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid,
	"seed" text NOT NULL,
	"size" integer NOT NULL,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL,
	"drawn_by" uuid,
	"chair_expert_id" uuid,
	"consensus" text,
	"concluded_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"platform_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" "annual_report_status" DEFAULT 'draft' NOT NULL,
	"indicators" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"due_on" date NOT NULL,
	"submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"created_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evaluation_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"platform_id" uuid NOT NULL,
	"indicator_score" numeric(6, 2),
	"expert_score" numeric(6, 2),
	"score" numeric(6, 2),
	"grade" "evaluation_grade",
	"outcome" "evaluation_outcome",
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"remarks" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"type_ids" uuid[] NOT NULL,
	"period_from" integer NOT NULL,
	"period_to" integer NOT NULL,
	"status" "evaluation_round_status" DEFAULT 'draft' NOT NULL,
	"formula" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"published_on" date,
	"created_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_type_id_platform_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."platform_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panels" ADD CONSTRAINT "panels_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panels" ADD CONSTRAINT "panels_drawn_by_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panels" ADD CONSTRAINT "panels_chair_expert_id_experts_id_fk" FOREIGN KEY ("chair_expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_results" ADD CONSTRAINT "evaluation_results_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_results" ADD CONSTRAINT "evaluation_results_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_call_idx" ON "applications" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "applications_organization_idx" ON "applications" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "applications_status_idx" ON "applications" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "panel_members_panel_expert_key" ON "panel_members" USING btree ("panel_id","expert_id");--> statement-breakpoint
CREATE INDEX "panel_members_expert_idx" ON "panel_members" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "panels_application_idx" ON "panels" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_platform_year_key" ON "annual_reports" USING btree ("platform_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_results_round_platform_key" ON "evaluation_results" USING btree ("round_id","platform_id");--> statement-breakpoint
CREATE INDEX "evaluation_results_platform_idx" ON "evaluation_results" USING btree ("platform_id");