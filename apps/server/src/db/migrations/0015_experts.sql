CREATE TABLE "expert_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"yearly_panel_cap" integer DEFAULT 5 NOT NULL,
	"outlier_threshold" integer DEFAULT 15 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_settings_single_row" CHECK ("expert_settings"."id" = 1),
	CONSTRAINT "expert_settings_cap_check" CHECK ("expert_settings"."yearly_panel_cap" >= 1),
	CONSTRAINT "expert_settings_threshold_check" CHECK ("expert_settings"."outlier_threshold" >= 0)
);
--> statement-breakpoint
CREATE TABLE "panel_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"criterion_key" text NOT NULL,
	"score" numeric(6, 2) NOT NULL,
	"comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "panel_scores_score_check" CHECK ("panel_scores"."score" >= 0)
);
--> statement-breakpoint
CREATE TABLE "review_rubrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type_id" uuid,
	"name" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"low_score_percent" integer DEFAULT 60 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_rubrics_low_score_percent_check" CHECK ("review_rubrics"."low_score_percent" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "panel_members" ADD COLUMN "opinion" text;--> statement-breakpoint
ALTER TABLE "panels" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "panels" ADD COLUMN "rubric" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "panels" ADD COLUMN "excluded" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "panel_scores" ADD CONSTRAINT "panel_scores_member_id_panel_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."panel_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rubrics" ADD CONSTRAINT "review_rubrics_type_id_platform_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."platform_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "panel_scores_member_criterion_key" ON "panel_scores" USING btree ("member_id","criterion_key");--> statement-breakpoint
CREATE UNIQUE INDEX "review_rubrics_type_key" ON "review_rubrics" USING btree ("type_id");