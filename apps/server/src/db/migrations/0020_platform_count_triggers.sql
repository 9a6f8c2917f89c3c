-- platform_counts / platform_count_changes (see db/schema/platform-counts.ts) are kept by these triggers in
-- the same transaction as every write to platform_versions and every soft delete or restore of a platform,
-- whichever code path writes them (create, edit, transitions, conversions, mergers, imports, deletes,
-- restores, backup restore). A version of a platform that is not deleted contributes +1 to its group's
-- open count while valid_to is null, +1 to the changes on valid_from and -1 on valid_to.
CREATE OR REPLACE FUNCTION platform_counts_apply(v platform_versions, sign integer) RETURNS void AS $$
DECLARE
  industry_key text := coalesce(v.industry, '');
  year_key integer := coalesce(extract(year from v.recognized_on)::integer, 0);
BEGIN
  IF v.valid_to IS NULL THEN
    INSERT INTO platform_counts AS c (type_id, region_id, status, industry, recognized_year, count)
      VALUES (v.type_id, v.region_id, v.status, industry_key, year_key, sign)
      ON CONFLICT (type_id, region_id, status, industry, recognized_year) DO UPDATE SET count = c.count + excluded.count;
    DELETE FROM platform_counts
      WHERE type_id = v.type_id AND region_id = v.region_id AND status = v.status
        AND industry = industry_key AND recognized_year = year_key AND count = 0;
  END IF;
  INSERT INTO platform_count_changes AS c (day, type_id, region_id, status, industry, recognized_year, delta)
    VALUES (v.valid_from, v.type_id, v.region_id, v.status, industry_key, year_key, sign)
    ON CONFLICT (day, type_id, region_id, status, industry, recognized_year) DO UPDATE SET delta = c.delta + excluded.delta;
  IF v.valid_to IS NOT NULL THEN
    INSERT INTO platform_count_changes AS c (day, type_id, region_id, status, industry, recognized_year, delta)
      VALUES (v.valid_to, v.type_id, v.region_id, v.status, industry_key, year_key, -sign)
      ON CONFLICT (day, type_id, region_id, status, industry, recognized_year) DO UPDATE SET delta = c.delta + excluded.delta;
  END IF;
  DELETE FROM platform_count_changes
    WHERE day IN (v.valid_from, v.valid_to) AND type_id = v.type_id AND region_id = v.region_id AND status = v.status
      AND industry = industry_key AND recognized_year = year_key AND delta = 0;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION platform_versions_count() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND NOT EXISTS (SELECT 1 FROM platforms WHERE id = OLD.platform_id AND deleted_at IS NOT NULL) THEN
    PERFORM platform_counts_apply(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NOT EXISTS (SELECT 1 FROM platforms WHERE id = NEW.platform_id AND deleted_at IS NOT NULL) THEN
    PERFORM platform_counts_apply(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER platform_versions_count AFTER INSERT OR DELETE ON platform_versions
  FOR EACH ROW EXECUTE FUNCTION platform_versions_count();
--> statement-breakpoint
-- An update counts only when a counted column changes (a rename or a note leaves the counts alone).
CREATE TRIGGER platform_versions_count_update AFTER UPDATE OF platform_id, valid_from, valid_to, type_id, region_id, status, industry, recognized_on ON platform_versions
  FOR EACH ROW EXECUTE FUNCTION platform_versions_count();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION platforms_deleted_count() RETURNS trigger AS $$
DECLARE
  v platform_versions;
BEGIN
  IF (OLD.deleted_at IS NULL) = (NEW.deleted_at IS NULL) THEN
    RETURN NULL;
  END IF;
  FOR v IN SELECT * FROM platform_versions WHERE platform_id = NEW.id LOOP
    PERFORM platform_counts_apply(v, CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END);
  END LOOP;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER platforms_deleted_count AFTER UPDATE OF deleted_at ON platforms
  FOR EACH ROW EXECUTE FUNCTION platforms_deleted_count();
--> statement-breakpoint
-- Recounts both tables from platform_versions: the backfill below, and after a bulk load that ran with
-- triggers off (session_replication_role = replica, as bench/generate.ts does).
CREATE OR REPLACE FUNCTION platform_counts_rebuild() RETURNS void AS $$
BEGIN
  DELETE FROM platform_counts;
  DELETE FROM platform_count_changes;
  INSERT INTO platform_counts (type_id, region_id, status, industry, recognized_year, count)
    SELECT v.type_id, v.region_id, v.status, coalesce(v.industry, ''), coalesce(extract(year from v.recognized_on)::integer, 0), count(*)
    FROM platform_versions v JOIN platforms p ON p.id = v.platform_id
    WHERE p.deleted_at IS NULL AND v.valid_to IS NULL
    GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO platform_count_changes (day, type_id, region_id, status, industry, recognized_year, delta)
    SELECT e.day, e.type_id, e.region_id, e.status, e.industry, e.recognized_year, sum(e.delta)
    FROM (
      SELECT v.valid_from AS day, v.type_id, v.region_id, v.status, coalesce(v.industry, '') AS industry,
        coalesce(extract(year from v.recognized_on)::integer, 0) AS recognized_year, 1 AS delta
      FROM platform_versions v JOIN platforms p ON p.id = v.platform_id WHERE p.deleted_at IS NULL
      UNION ALL
      SELECT v.valid_to, v.type_id, v.region_id, v.status, coalesce(v.industry, ''),
        coalesce(extract(year from v.recognized_on)::integer, 0), -1
      FROM platform_versions v JOIN platforms p ON p.id = v.platform_id WHERE p.deleted_at IS NULL AND v.valid_to IS NOT NULL
    ) e
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(e.delta) <> 0;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT platform_counts_rebuild();
