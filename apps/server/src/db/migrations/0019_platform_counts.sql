CREATE TABLE "platform_count_changes" (
	"day" date NOT NULL,
	"type_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"status" "platform_status" NOT NULL,
	"industry" text NOT NULL,
	"recognized_year" integer NOT NULL,
	"delta" integer NOT NULL,
	CONSTRAINT "platform_count_changes_day_type_id_region_id_status_industry_recognized_year_pk" PRIMARY KEY("day","type_id","region_id","status","industry","recognized_year")
);
--> statement-breakpoint
CREATE TABLE "platform_counts" (
	"type_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"status" "platform_status" NOT NULL,
	"industry" text NOT NULL,
	"recognized_year" integer NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "platform_counts_type_id_region_id_status_industry_recognized_year_pk" PRIMARY KEY("type_id","region_id","status","industry","recognized_year")
);
