CREATE TYPE "public"."region_level" AS ENUM('province', 'city', 'county', 'zone');--> statement-breakpoint
CREATE TYPE "public"."organization_kind" AS ENUM('enterprise', 'university', 'institute', 'hospital', 'department', 'county_government', 'zone_committee', 'agency');--> statement-breakpoint
CREATE TYPE "public"."qualification_kind" AS ENUM('tech_sme', 'high_tech', 'gazelle', 'above_scale');--> statement-breakpoint
CREATE TYPE "public"."platform_level" AS ENUM('national', 'provincial', 'city', 'county');--> statement-breakpoint
CREATE TYPE "public"."platform_status" AS ENUM('cultivating', 'constructing', 'operating', 'rectifying', 'revoked', 'merged');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('sysadmin', 'secadmin', 'auditadmin', 'city_staff', 'department_staff', 'county_staff', 'host_user', 'expert', 'leader');--> statement-breakpoint
CREATE TABLE "regions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"level" "region_level" NOT NULL,
	"code" text,
	"path" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization_qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" "qualification_kind" NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"certificate_no" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "organization_kind" NOT NULL,
	"credit_code" text NOT NULL,
	"region_id" uuid NOT NULL,
	"address" text,
	"contact_person" text,
	"contact_phone" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "platform_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_systems_code_unique" UNIQUE("code"),
	CONSTRAINT "platform_systems_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "platform_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"name" text NOT NULL,
	"level" "platform_level" NOT NULL,
	"supervisor_organization_id" uuid,
	"supervising_department" text,
	"recognition_standard" text,
	"construction_period_months" integer,
	"is_active" boolean DEFAULT true NOT NULL,
	"retired_on" date,
	"successor_type_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"platform_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"name" text NOT NULL,
	"type_id" uuid NOT NULL,
	"host_organization_id" uuid NOT NULL,
	"co_builder_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"region_id" uuid NOT NULL,
	"industry" text,
	"technical_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"director" text,
	"status" "platform_status" NOT NULL,
	"recognition_doc_no" text,
	"recognized_on" date,
	"construction_ends_on" date,
	"parent_platform_id" uuid,
	"successor_platform_id" uuid,
	"remarks" text,
	"change_note" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "platforms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source_ip" text,
	"user_agent" text,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role",
	"region_id" uuid,
	"organization_id" uuid,
	"is_active" boolean DEFAULT true NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_username" text,
	"actor_role" text,
	"source_ip" text,
	"action" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_id_regions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_qualifications" ADD CONSTRAINT "organization_qualifications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_types" ADD CONSTRAINT "platform_types_system_id_platform_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."platform_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_types" ADD CONSTRAINT "platform_types_supervisor_organization_id_organizations_id_fk" FOREIGN KEY ("supervisor_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_types" ADD CONSTRAINT "platform_types_successor_type_id_platform_types_id_fk" FOREIGN KEY ("successor_type_id") REFERENCES "public"."platform_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_versions" ADD CONSTRAINT "platform_versions_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_versions" ADD CONSTRAINT "platform_versions_type_id_platform_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."platform_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_versions" ADD CONSTRAINT "platform_versions_host_organization_id_organizations_id_fk" FOREIGN KEY ("host_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_versions" ADD CONSTRAINT "platform_versions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_versions" ADD CONSTRAINT "platform_versions_parent_platform_id_platforms_id_fk" FOREIGN KEY ("parent_platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_versions" ADD CONSTRAINT "platform_versions_successor_platform_id_platforms_id_fk" FOREIGN KEY ("successor_platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_versions" ADD CONSTRAINT "platform_versions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "regions_parent_name_key" ON "regions" USING btree ("parent_id","name");--> statement-breakpoint
CREATE INDEX "regions_path_idx" ON "regions" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "organization_qualifications_org_idx" ON "organization_qualifications" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_credit_code_key" ON "organizations" USING btree ("credit_code") WHERE "organizations"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "organizations_region_idx" ON "organizations" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "organizations_name_idx" ON "organizations" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_types_name_key" ON "platform_types" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_versions_platform_version_key" ON "platform_versions" USING btree ("platform_id","version");--> statement-breakpoint
CREATE INDEX "platform_versions_current_idx" ON "platform_versions" USING btree ("platform_id") WHERE "platform_versions"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "platform_versions_validity_idx" ON "platform_versions" USING btree ("valid_from","valid_to");--> statement-breakpoint
CREATE INDEX "platform_versions_type_idx" ON "platform_versions" USING btree ("type_id");--> statement-breakpoint
CREATE INDEX "platform_versions_region_idx" ON "platform_versions" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "platform_versions_host_idx" ON "platform_versions" USING btree ("host_organization_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_log_object_idx" ON "audit_log" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_username");--> statement-breakpoint
CREATE INDEX "audit_log_occurred_idx" ON "audit_log" USING btree ("occurred_at");