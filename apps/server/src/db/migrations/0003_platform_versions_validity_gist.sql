-- The registry as of a day (target progress, the cockpit, as-of lists) selects the versions whose
-- [valid_from, valid_to) range contains the day (an open valid_to is an unbounded range), and leaves
-- soft-deleted platforms out. Measured with `npm run bench` (100,000 platforms, 1,000,000 versions,
-- versions in force scattered over the table), medians PGlite / PostgreSQL, without → with these two
-- indexes: cockpit 3247 → 1078 ms / 1642 → 527 ms; all target progress 2947 → 634 ms / 1167 → 323 ms;
-- progress as of 2020-06-30 1283 → 210 ms / 725 → 139 ms.
CREATE INDEX IF NOT EXISTS "platform_versions_in_force_gist" ON "platform_versions" USING gist (daterange("valid_from", "valid_to", '[)'));
--> statement-breakpoint
-- The set of soft-deleted platforms every registry figure excludes: a tiny index scan instead of a
-- sequential scan of all platforms per query.
CREATE INDEX IF NOT EXISTS "platforms_deleted_idx" ON "platforms" USING btree ("id") WHERE "deleted_at" IS NOT NULL;
