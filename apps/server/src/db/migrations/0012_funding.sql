CREATE TYPE "public"."expenditure_category" AS ENUM('research', 'equipment', 'materials', 'testing', 'personnel', 'talent', 'collaboration', 'publication', 'capital_construction', 'sponsorship', 'donation', 'investment', 'fines', 'debt_repayment');--> statement-breakpoint
CREATE TYPE "public"."grant_kind" AS ENUM('post_subsidy', 'award');--> statement-breakpoint
CREATE TYPE "public"."grant_status" AS ENUM('proposed', 'approved', 'paid', 'cancelled');--> statement-breakpoint
CREATE TABLE "funding_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"remarks" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_budgets_balance_check" CHECK ("funding_budgets"."paid_fen" >= 0 and "funding_budgets"."paid_fen" <= "funding_budgets"."amount_fen")
);
--> statement-breakpoint
CREATE TABLE "funding_expenditures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"category" "expenditure_category" NOT NULL,
	"amount_fen" bigint NOT NULL,
	"spent_on" date NOT NULL,
	"description" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_expenditures_amount_check" CHECK ("funding_expenditures"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "funding_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"budget_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"voucher_no" text NOT NULL,
	"remarks" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_payments_amount_check" CHECK ("funding_payments"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "funding_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"budget_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"platform_id" uuid NOT NULL,
	"kind" "grant_kind" NOT NULL,
	"status" "grant_status" DEFAULT 'proposed' NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"spent_fen" bigint DEFAULT 0 NOT NULL,
	"basis" text NOT NULL,
	"grade" "evaluation_grade",
	"evaluation_round_id" uuid,
	"evaluation_result_id" uuid,
	"cancel_reason" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_grants_amount_check" CHECK ("funding_grants"."amount_fen" > 0),
	CONSTRAINT "funding_grants_paid_check" CHECK ("funding_grants"."paid_fen" >= 0 and "funding_grants"."paid_fen" <= "funding_grants"."amount_fen"),
	CONSTRAINT "funding_grants_spent_check" CHECK ("funding_grants"."spent_fen" >= 0 and "funding_grants"."spent_fen" <= "funding_grants"."paid_fen")
);
--> statement-breakpoint
CREATE TABLE "funding_subsidy_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"level" "platform_level" NOT NULL,
	"type_id" uuid,
	"grade" "evaluation_grade" NOT NULL,
	"kind" "grant_kind" NOT NULL,
	"amount_fen" bigint NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "funding_subsidy_rules_amount_check" CHECK ("funding_subsidy_rules"."amount_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "funding_expenditures" ADD CONSTRAINT "funding_expenditures_grant_id_funding_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."funding_grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_payments" ADD CONSTRAINT "funding_payments_grant_id_funding_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."funding_grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_payments" ADD CONSTRAINT "funding_payments_budget_id_funding_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."funding_budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_grants" ADD CONSTRAINT "funding_grants_budget_id_funding_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."funding_budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_grants" ADD CONSTRAINT "funding_grants_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_grants" ADD CONSTRAINT "funding_grants_evaluation_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("evaluation_round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_grants" ADD CONSTRAINT "funding_grants_evaluation_result_id_evaluation_results_id_fk" FOREIGN KEY ("evaluation_result_id") REFERENCES "public"."evaluation_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_subsidy_rules" ADD CONSTRAINT "funding_subsidy_rules_type_id_platform_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."platform_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "funding_budgets_year_key" ON "funding_budgets" USING btree ("year");--> statement-breakpoint
CREATE INDEX "funding_expenditures_grant_idx" ON "funding_expenditures" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "funding_payments_grant_idx" ON "funding_payments" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "funding_grants_year_idx" ON "funding_grants" USING btree ("year");--> statement-breakpoint
CREATE INDEX "funding_grants_platform_idx" ON "funding_grants" USING btree ("platform_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_grants_result_key" ON "funding_grants" USING btree ("evaluation_result_id") WHERE "funding_grants"."evaluation_result_id" is not null and "funding_grants"."status" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "funding_subsidy_rules_level_grade_key" ON "funding_subsidy_rules" USING btree ("level","grade") WHERE "funding_subsidy_rules"."type_id" is null and "funding_subsidy_rules"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "funding_subsidy_rules_type_grade_key" ON "funding_subsidy_rules" USING btree ("type_id","grade") WHERE "funding_subsidy_rules"."type_id" is not null and "funding_subsidy_rules"."deleted_at" is null;