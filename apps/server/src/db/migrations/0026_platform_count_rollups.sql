CREATE TABLE "platform_count_rollups" (
	"span" text NOT NULL,
	"period" date NOT NULL,
	"type_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"status" "platform_status" NOT NULL,
	"delta" integer NOT NULL,
	CONSTRAINT "platform_count_rollups_span_period_type_id_region_id_status_pk" PRIMARY KEY("span","period","type_id","region_id","status")
);
