-- Change notifications for the app processes' read caches (db/change-feed.ts): each statement that writes a table
-- sends the table's name on the channel stip_changes, at commit (PostgreSQL delivers NOTIFY only then, in commit
-- order, once per distinct payload and transaction). Every process LISTENs and drops what it cached from that table.
--
-- Statement-level, so a bulk import of 10,000 rows is one notice, not 10,000. Every table has a trigger except:
-- * audit_log: append-only, and written only beside the change it records, which notifies on its own;
-- * login_throttles, login_challenges: written by every sign-in attempt, good or bad; a stream of failed sign-ins
--   must not be able to empty every process's caches;
-- * job_runs, scheduled_jobs: the job queue's claims and timings; a job's work notifies from the tables it writes.
-- sessions notifies only when a session ends or is shortened (revoked, deleted, an earlier end), not when sign-in
-- opens one or a request extends one; users not when a sign-in records its time (last_login_at), which no cached
-- answer shows. So a sign-in, good or bad, notifies nothing. db/change-feed.test.ts checks that no table was
-- forgotten, a later migration's new table too.
CREATE OR REPLACE FUNCTION stip_notify_change() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('stip_changes', TG_TABLE_NAME);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Installs the trigger on every table that lacks it (but the ones above). A later migration that creates a table
-- ends with SELECT stip_notify_install();
CREATE OR REPLACE FUNCTION stip_notify_install() RETURNS void AS $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    WHERE c.relkind IN ('r', 'p')
      AND c.relname NOT IN ('audit_log', 'login_throttles', 'login_challenges', 'job_runs', 'scheduled_jobs', 'sessions', 'users')
      AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgfoid = 'stip_notify_change'::regproc)
  LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION stip_notify_change()',
      t || '_notify_change', t);
  END LOOP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT stip_notify_install();
--> statement-breakpoint
-- A session's row notifies when its life is cut short or ended, never when a request extends it (every minute of use).
CREATE TRIGGER sessions_notify_end AFTER UPDATE ON sessions FOR EACH ROW
  WHEN (NEW.revoked_at IS DISTINCT FROM OLD.revoked_at OR NEW.expires_at < OLD.expires_at
    OR NEW.created_at <> OLD.created_at OR NEW.user_id <> OLD.user_id OR NEW.token_hash <> OLD.token_hash)
  EXECUTE FUNCTION stip_notify_change();
--> statement-breakpoint
CREATE TRIGGER sessions_notify_delete AFTER DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION stip_notify_change();
--> statement-breakpoint
-- A user's row notifies on any change but the time of the last sign-in alone (a cached answer must not show it).
CREATE TRIGGER users_notify_change AFTER UPDATE ON users FOR EACH ROW
  WHEN ((to_jsonb(NEW) - 'last_login_at') IS DISTINCT FROM (to_jsonb(OLD) - 'last_login_at'))
  EXECUTE FUNCTION stip_notify_change();
--> statement-breakpoint
CREATE TRIGGER users_notify_write AFTER INSERT OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION stip_notify_change();
