CREATE TYPE "public"."rectification_status" AS ENUM('ordered', 'submitted', 'passed', 'revoked');--> statement-breakpoint
CREATE TABLE "evaluation_formulas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type_id" uuid,
	"formula" jsonb NOT NULL,
	"updated_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"platform_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"recommended_on" date NOT NULL,
	"note" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"platform_id" uuid NOT NULL,
	"round_id" uuid,
	"result_id" uuid,
	"status" "rectification_status" DEFAULT 'ordered' NOT NULL,
	"requirements" text NOT NULL,
	"deadline" date NOT NULL,
	"report" text,
	"submitted_at" timestamp with time zone,
	"check_comment" text,
	"checked_at" timestamp with time zone,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "applied_on" date;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "evaluation_formulas" ADD CONSTRAINT "evaluation_formulas_type_id_platform_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."platform_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_formulas" ADD CONSTRAINT "evaluation_formulas_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_recommendations" ADD CONSTRAINT "platform_recommendations_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_recommendations" ADD CONSTRAINT "platform_recommendations_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_result_id_evaluation_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."evaluation_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_formulas_type_key" ON "evaluation_formulas" USING btree (coalesce("type_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE UNIQUE INDEX "platform_recommendations_round_platform_key" ON "platform_recommendations" USING btree ("round_id","platform_id");--> statement-breakpoint
CREATE INDEX "rectifications_platform_idx" ON "rectifications" USING btree ("platform_id");--> statement-breakpoint
CREATE INDEX "rectifications_status_idx" ON "rectifications" USING btree ("status","deadline");--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_results" ADD CONSTRAINT "evaluation_results_scores_range" CHECK ("evaluation_results"."expert_score" between 0 and 100 and "evaluation_results"."indicator_score" between 0 and 100);