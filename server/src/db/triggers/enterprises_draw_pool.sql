-- trigger enterprises_draw_pool on enterprises: its one source. Edit it here (dropped and created again: the migration
-- runner re-applies a file whose checksum changed). Inserts and removals; updates go through enterprises_draw_pool_update.
DROP TRIGGER IF EXISTS enterprises_draw_pool ON enterprises;
--> statement-breakpoint
CREATE TRIGGER enterprises_draw_pool AFTER INSERT OR DELETE ON enterprises
  FOR EACH ROW EXECUTE PROCEDURE enterprise_draw_pool_track();
