-- platform_count_rollups (see db/schema/platform-counts.ts): the day-by-day changes summed by month and by year per
-- (type, region, status), kept in the same transaction by the one function every counting trigger calls
-- (platform_counts_apply, 0020, redefined here to add the rollups), rebuilt by platform_counts_rebuild().
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
  INSERT INTO platform_entries (platform_id, type_id, region_id, status, first_from)
    SELECT v.platform_id, v.type_id, v.region_id, v.status, min(v.valid_from)
    FROM platform_versions v
    GROUP BY 1, 2, 3, 4;
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
-- The backfill, from the day-by-day changes.
INSERT INTO platform_count_rollups (span, period, type_id, region_id, status, delta)
  SELECT s.span, s.period, c.type_id, c.region_id, c.status, sum(c.delta)
  FROM platform_count_changes c
  CROSS JOIN LATERAL (VALUES ('month', date_trunc('month', c.day)::date), ('year', date_trunc('year', c.day)::date)) s (span, period)
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(c.delta) <> 0;
