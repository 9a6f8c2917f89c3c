CREATE TYPE "public"."target_basis" AS ENUM('stock', 'added');--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "basis" "target_basis" DEFAULT 'stock' NOT NULL;--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "per_year" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "per_region" boolean DEFAULT false NOT NULL;