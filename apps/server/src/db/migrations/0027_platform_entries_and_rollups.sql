CREATE TABLE "platform_count_rollups" (
	"span" text NOT NULL,
	"period" date NOT NULL,
	"type_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"status" "platform_status" NOT NULL,
	"delta" integer NOT NULL,
	CONSTRAINT "platform_count_rollups_span_period_type_id_region_id_status_pk" PRIMARY KEY("span","period","type_id","region_id","status")
);
--> statement-breakpoint
CREATE TABLE "platform_entries" (
	"platform_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"status" "platform_status" NOT NULL,
	"first_from" date NOT NULL,
	"previous_type_id" uuid,
	"previous_region_id" uuid,
	"previous_status" "platform_status",
	"previous_from" date,
	CONSTRAINT "platform_entries_platform_id_type_id_region_id_status_pk" PRIMARY KEY("platform_id","type_id","region_id","status")
);
--> statement-breakpoint
CREATE INDEX "platform_entries_type_first_idx" ON "platform_entries" USING btree ("type_id","first_from");--> statement-breakpoint
CREATE INDEX "platform_entries_first_idx" ON "platform_entries" USING btree ("first_from");