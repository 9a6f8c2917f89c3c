CREATE TYPE "public"."achievement_maturity" AS ENUM('lab', 'small_trial', 'pilot', 'industrial');--> statement-breakpoint
CREATE TYPE "public"."achievement_source" AS ENUM('manual', 'excel', 'jsonl');--> statement-breakpoint
CREATE TYPE "public"."owner_type" AS ENUM('enterprise', 'university', 'institute', 'hospital', 'individual', 'other');--> statement-breakpoint
CREATE TYPE "public"."publication_status" AS ENUM('draft', 'submitted', 'returned', 'published', 'closed', 'archived');--> statement-breakpoint
CREATE TYPE "public"."transfer_mode" AS ENUM('transfer', 'license', 'equity', 'cooperation');--> statement-breakpoint
CREATE TYPE "public"."challenge_application_status" AS ENUM('submitted', 'withdrawn', 'selected', 'not_selected');--> statement-breakpoint
CREATE TYPE "public"."challenge_status" AS ENUM('draft', 'open', 'reviewing', 'selected', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."lead_status" AS ENUM('new', 'contacted', 'negotiating', 'signed', 'dropped');--> statement-breakpoint
CREATE TABLE "achievements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"title" text NOT NULL,
	"abstract" text DEFAULT '' NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"discipline" text,
	"technical_field" text,
	"industry" text,
	"maturity" "achievement_maturity",
	"patents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owner_organization_id" uuid,
	"owner_name" text,
	"owner_type" "owner_type",
	"team" text,
	"transfer_modes" "transfer_mode"[] DEFAULT '{}'::transfer_mode[] NOT NULL,
	"price_min" numeric,
	"price_max" numeric,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"published_contact" text[] DEFAULT '{}'::text[] NOT NULL,
	"region_id" uuid,
	"status" "publication_status" DEFAULT 'draft' NOT NULL,
	"review_note" text,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"reviewed_by" uuid,
	"source" "achievement_source" DEFAULT 'manual' NOT NULL,
	"created_by" uuid,
	"search_vector" "tsvector" DEFAULT ''::tsvector NOT NULL,
	"search_length" integer DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "demands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"technical_field" text,
	"industry" text,
	"budget" numeric,
	"deadline" date,
	"enterprise_organization_id" uuid,
	"enterprise_name" text,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"published_contact" text[] DEFAULT '{}'::text[] NOT NULL,
	"region_id" uuid,
	"status" "publication_status" DEFAULT 'draft' NOT NULL,
	"review_note" text,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"reviewed_by" uuid,
	"created_by" uuid,
	"search_vector" "tsvector" DEFAULT ''::tsvector NOT NULL,
	"search_length" integer DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "challenge_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"team_leader" text NOT NULL,
	"team_members" text,
	"proposal" text NOT NULL,
	"plan" text,
	"status" "challenge_application_status" DEFAULT 'submitted' NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenge_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"evidence" text,
	"completed_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demand_id" uuid NOT NULL,
	"title" text NOT NULL,
	"reward" numeric NOT NULL,
	"reward_note" text,
	"application_deadline" date NOT NULL,
	"completion_deadline" date,
	"requirements" text,
	"publisher_organization_id" uuid,
	"region_id" uuid NOT NULL,
	"status" "challenge_status" DEFAULT 'draft' NOT NULL,
	"selected_application_id" uuid,
	"selection_reason" text,
	"selected_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "match_lead_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"status" "lead_status" NOT NULL,
	"note" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demand_id" uuid,
	"achievement_id" uuid,
	"expert_id" uuid,
	"platform_id" uuid,
	"organization_id" uuid,
	"region_id" uuid NOT NULL,
	"status" "lead_status" DEFAULT 'new' NOT NULL,
	"score" text,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "technology_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_number" text NOT NULL,
	"title" text NOT NULL,
	"amount" numeric NOT NULL,
	"technology_amount" numeric,
	"seller_organization_id" uuid,
	"seller_name" text NOT NULL,
	"buyer_organization_id" uuid,
	"buyer_name" text NOT NULL,
	"signed_on" date NOT NULL,
	"registered_on" date NOT NULL,
	"region_id" uuid NOT NULL,
	"lead_id" uuid,
	"achievement_id" uuid,
	"demand_id" uuid,
	"created_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "search_dictionary_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"term" text NOT NULL,
	"frequency" integer DEFAULT 100000 NOT NULL,
	"tag" text,
	"created_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_owner_organization_id_organizations_id_fk" FOREIGN KEY ("owner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_enterprise_organization_id_organizations_id_fk" FOREIGN KEY ("enterprise_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_applications" ADD CONSTRAINT "challenge_applications_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_applications" ADD CONSTRAINT "challenge_applications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_applications" ADD CONSTRAINT "challenge_applications_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_milestones" ADD CONSTRAINT "challenge_milestones_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_milestones" ADD CONSTRAINT "challenge_milestones_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_demand_id_demands_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_publisher_organization_id_organizations_id_fk" FOREIGN KEY ("publisher_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_lead_events" ADD CONSTRAINT "match_lead_events_lead_id_match_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."match_leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_lead_events" ADD CONSTRAINT "match_lead_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_leads" ADD CONSTRAINT "match_leads_demand_id_demands_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_leads" ADD CONSTRAINT "match_leads_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_leads" ADD CONSTRAINT "match_leads_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_leads" ADD CONSTRAINT "match_leads_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_leads" ADD CONSTRAINT "match_leads_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_leads" ADD CONSTRAINT "match_leads_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_leads" ADD CONSTRAINT "match_leads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_contracts" ADD CONSTRAINT "technology_contracts_seller_organization_id_organizations_id_fk" FOREIGN KEY ("seller_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_contracts" ADD CONSTRAINT "technology_contracts_buyer_organization_id_organizations_id_fk" FOREIGN KEY ("buyer_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_contracts" ADD CONSTRAINT "technology_contracts_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_contracts" ADD CONSTRAINT "technology_contracts_lead_id_match_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."match_leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_contracts" ADD CONSTRAINT "technology_contracts_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_contracts" ADD CONSTRAINT "technology_contracts_demand_id_demands_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_contracts" ADD CONSTRAINT "technology_contracts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_dictionary_terms" ADD CONSTRAINT "search_dictionary_terms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "achievements_external_id_key" ON "achievements" USING btree ("external_id") WHERE "achievements"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "achievements_search_idx" ON "achievements" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "achievements_status_idx" ON "achievements" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "achievements_region_idx" ON "achievements" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "achievements_owner_idx" ON "achievements" USING btree ("owner_organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "demands_external_id_key" ON "demands" USING btree ("external_id") WHERE "demands"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "demands_search_idx" ON "demands" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "demands_status_idx" ON "demands" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "demands_region_idx" ON "demands" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "demands_enterprise_idx" ON "demands" USING btree ("enterprise_organization_id");--> statement-breakpoint
CREATE INDEX "challenge_applications_challenge_idx" ON "challenge_applications" USING btree ("challenge_id");--> statement-breakpoint
CREATE INDEX "challenge_applications_org_idx" ON "challenge_applications" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "challenge_milestones_challenge_idx" ON "challenge_milestones" USING btree ("challenge_id");--> statement-breakpoint
CREATE INDEX "challenges_status_idx" ON "challenges" USING btree ("status","application_deadline");--> statement-breakpoint
CREATE INDEX "challenges_demand_idx" ON "challenges" USING btree ("demand_id");--> statement-breakpoint
CREATE INDEX "match_lead_events_lead_idx" ON "match_lead_events" USING btree ("lead_id","occurred_at");--> statement-breakpoint
CREATE INDEX "match_leads_demand_idx" ON "match_leads" USING btree ("demand_id");--> statement-breakpoint
CREATE INDEX "match_leads_achievement_idx" ON "match_leads" USING btree ("achievement_id");--> statement-breakpoint
CREATE INDEX "match_leads_region_idx" ON "match_leads" USING btree ("region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "technology_contracts_registration_number_key" ON "technology_contracts" USING btree ("registration_number") WHERE "technology_contracts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "technology_contracts_region_idx" ON "technology_contracts" USING btree ("region_id","registered_on");--> statement-breakpoint
CREATE UNIQUE INDEX "search_dictionary_terms_term_key" ON "search_dictionary_terms" USING btree ("term") WHERE "search_dictionary_terms"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "search_dictionary_terms_updated_idx" ON "search_dictionary_terms" USING btree ("updated_at");