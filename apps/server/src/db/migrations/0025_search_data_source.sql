ALTER TABLE "achievements" ADD COLUMN "data_source" text;--> statement-breakpoint
ALTER TABLE "achievements" ADD COLUMN "index_keywords" boolean DEFAULT true NOT NULL;