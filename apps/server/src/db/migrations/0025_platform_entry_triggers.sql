-- platform_entries (see db/schema/platform-counts.ts): per platform and (type, region, status), the first
-- day it had a version in that combination. Kept by these triggers in the same transaction as every write
-- to platform_versions, whichever code path writes them. A new version only lowers (or opens) one entry;
-- an edit or a removal of a version recomputes that platform's entries from its versions (a few rows).
-- Soft deletes leave the entries alone: the readers exclude deleted platforms themselves.
CREATE OR REPLACE FUNCTION platform_entries_refresh(p uuid) RETURNS void AS $$
BEGIN
  DELETE FROM platform_entries WHERE platform_id = p;
  INSERT INTO platform_entries (platform_id, type_id, region_id, status, first_from)
    SELECT v.platform_id, v.type_id, v.region_id, v.status, min(v.valid_from)
    FROM platform_versions v WHERE v.platform_id = p
    GROUP BY 1, 2, 3, 4;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION platform_versions_entries() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO platform_entries AS e (platform_id, type_id, region_id, status, first_from)
      VALUES (NEW.platform_id, NEW.type_id, NEW.region_id, NEW.status, NEW.valid_from)
      ON CONFLICT (platform_id, type_id, region_id, status) DO UPDATE SET first_from = least(e.first_from, excluded.first_from);
    RETURN NULL;
  END IF;
  PERFORM platform_entries_refresh(OLD.platform_id);
  IF TG_OP = 'UPDATE' AND NEW.platform_id <> OLD.platform_id THEN
    PERFORM platform_entries_refresh(NEW.platform_id);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER platform_versions_entries AFTER INSERT OR DELETE ON platform_versions
  FOR EACH ROW EXECUTE FUNCTION platform_versions_entries();
--> statement-breakpoint
-- An update matters only when an entry's column changes (a rename, a note or a closed range leaves them alone).
CREATE TRIGGER platform_versions_entries_update AFTER UPDATE OF platform_id, valid_from, type_id, region_id, status ON platform_versions
  FOR EACH ROW EXECUTE FUNCTION platform_versions_entries();
--> statement-breakpoint
-- The rebuild after a bulk load or a backup restore (0020) now recounts the entries as well.
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
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The backfill.
INSERT INTO platform_entries (platform_id, type_id, region_id, status, first_from)
  SELECT v.platform_id, v.type_id, v.region_id, v.status, min(v.valid_from)
  FROM platform_versions v
  GROUP BY 1, 2, 3, 4;
