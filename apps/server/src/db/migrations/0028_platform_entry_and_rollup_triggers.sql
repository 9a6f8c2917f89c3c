-- Two maintained tables (see db/schema/platform-counts.ts), kept by triggers in the same transaction as every write to
-- platform_versions (and, for the rollups, every soft delete or restore), whichever code path writes them, and rebuilt
-- by platform_counts_rebuild() after a bulk load or a backup restore:
-- * platform_entries: per platform and (type, region, status), the first day it had a version in that combination,
--   with the version just before that one (the witness). Soft deletes leave them alone: the readers exclude deleted
--   platforms themselves. Any write of a version that can change them recomputes the platform's entries from its
--   versions (a few rows, one pass in version order).
-- * platform_count_rollups: the day-by-day changes (platform_count_changes, 0019/0020) summed by month and by year per
--   (type, region, status), kept by the one function every counting trigger calls (platform_counts_apply, redefined
--   here to add them).
CREATE OR REPLACE FUNCTION platform_entries_refresh(p uuid) RETURNS void AS $$
BEGIN
  DELETE FROM platform_entries WHERE platform_id = p;
  INSERT INTO platform_entries (platform_id, type_id, region_id, status, first_from, previous_type_id, previous_region_id, previous_status, previous_from)
    SELECT x.platform_id, x.type_id, x.region_id, x.status, x.valid_from, x.previous_type_id, x.previous_region_id,
      x.previous_status, x.previous_from
    FROM (
      SELECT v.platform_id, v.type_id, v.region_id, v.status, v.valid_from,
        lag(v.type_id) OVER history AS previous_type_id, lag(v.region_id) OVER history AS previous_region_id,
        lag(v.status) OVER history AS previous_status, lag(v.valid_from) OVER history AS previous_from,
        row_number() OVER (PARTITION BY v.platform_id, v.type_id, v.region_id, v.status ORDER BY v.valid_from, v.version) AS nth
      FROM platform_versions v WHERE v.platform_id = p
      WINDOW history AS (PARTITION BY v.platform_id ORDER BY v.valid_from, v.version)
    ) x
    WHERE x.nth = 1;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION platform_versions_entries() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM platform_entries_refresh(OLD.platform_id);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.platform_id <> OLD.platform_id) THEN
    PERFORM platform_entries_refresh(NEW.platform_id);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER platform_versions_entries AFTER INSERT OR DELETE ON platform_versions
  FOR EACH ROW EXECUTE FUNCTION platform_versions_entries();
--> statement-breakpoint
-- An update matters only when a column of the entries or of the version order changes (a rename, a note or a closed
-- range leaves them alone).
CREATE TRIGGER platform_versions_entries_update AFTER UPDATE OF platform_id, version, valid_from, type_id, region_id, status ON platform_versions
  FOR EACH ROW EXECUTE FUNCTION platform_versions_entries();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION platform_count_rollup_add(change_day date, v platform_versions, change integer) RETURNS void AS $$
DECLARE
  span_name text;
  period_start date;
BEGIN
  FOREACH span_name IN ARRAY ARRAY['month', 'year'] LOOP
    period_start := date_trunc(span_name, change_day)::date;
    INSERT INTO platform_count_rollups AS r (span, period, type_id, region_id, status, delta)
      VALUES (span_name, period_start, v.type_id, v.region_id, v.status, change)
      ON CONFLICT (span, period, type_id, region_id, status) DO UPDATE SET delta = r.delta + excluded.delta;
    DELETE FROM platform_count_rollups
      WHERE span = span_name AND period = period_start AND type_id = v.type_id AND region_id = v.region_id
        AND status = v.status AND delta = 0;
  END LOOP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
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
  PERFORM platform_count_rollup_add(v.valid_from, v, sign);
  IF v.valid_to IS NOT NULL THEN
    PERFORM platform_count_rollup_add(v.valid_to, v, -sign);
  END IF;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
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
  DELETE FROM platform_entries;
  INSERT INTO platform_entries (platform_id, type_id, region_id, status, first_from, previous_type_id, previous_region_id, previous_status, previous_from)
    SELECT x.platform_id, x.type_id, x.region_id, x.status, x.valid_from, x.previous_type_id, x.previous_region_id,
      x.previous_status, x.previous_from
    FROM (
      SELECT v.platform_id, v.type_id, v.region_id, v.status, v.valid_from,
        lag(v.type_id) OVER history AS previous_type_id, lag(v.region_id) OVER history AS previous_region_id,
        lag(v.status) OVER history AS previous_status, lag(v.valid_from) OVER history AS previous_from,
        row_number() OVER (PARTITION BY v.platform_id, v.type_id, v.region_id, v.status ORDER BY v.valid_from, v.version) AS nth
      FROM platform_versions v
      WINDOW history AS (PARTITION BY v.platform_id ORDER BY v.valid_from, v.version)
    ) x
    WHERE x.nth = 1;
  DELETE FROM platform_count_rollups;
  INSERT INTO platform_count_rollups (span, period, type_id, region_id, status, delta)
    SELECT s.span, s.period, c.type_id, c.region_id, c.status, sum(c.delta)
    FROM platform_count_changes c
    CROSS JOIN LATERAL (VALUES ('month', date_trunc('month', c.day)::date), ('year', date_trunc('year', c.day)::date)) s (span, period)
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(c.delta) <> 0;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The backfill: the rollups from the day-by-day changes, the entries from the versions.
INSERT INTO platform_count_rollups (span, period, type_id, region_id, status, delta)
  SELECT s.span, s.period, c.type_id, c.region_id, c.status, sum(c.delta)
  FROM platform_count_changes c
  CROSS JOIN LATERAL (VALUES ('month', date_trunc('month', c.day)::date), ('year', date_trunc('year', c.day)::date)) s (span, period)
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(c.delta) <> 0;
--> statement-breakpoint
INSERT INTO platform_entries (platform_id, type_id, region_id, status, first_from, previous_type_id, previous_region_id, previous_status, previous_from)
    SELECT x.platform_id, x.type_id, x.region_id, x.status, x.valid_from, x.previous_type_id, x.previous_region_id,
      x.previous_status, x.previous_from
    FROM (
      SELECT v.platform_id, v.type_id, v.region_id, v.status, v.valid_from,
        lag(v.type_id) OVER history AS previous_type_id, lag(v.region_id) OVER history AS previous_region_id,
        lag(v.status) OVER history AS previous_status, lag(v.valid_from) OVER history AS previous_from,
        row_number() OVER (PARTITION BY v.platform_id, v.type_id, v.region_id, v.status ORDER BY v.valid_from, v.version) AS nth
      FROM platform_versions v
      WINDOW history AS (PARTITION BY v.platform_id ORDER BY v.valid_from, v.version)
    ) x
    WHERE x.nth = 1;
