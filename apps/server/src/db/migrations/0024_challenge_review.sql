ALTER TYPE "public"."challenge_status" ADD VALUE 'submitted' BEFORE 'open';--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "review_note" text;--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "challenge_applications_live_key" ON "challenge_applications" USING btree ("challenge_id","organization_id") WHERE "challenge_applications"."status" <> 'withdrawn';