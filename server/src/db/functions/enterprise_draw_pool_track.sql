-- function enterprise_draw_pool_track: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed); migration 0063 made its table and filled it once.
-- Keeps enterprise_draw_pool (the 双随机 draw's narrow copy of the pool) equal to the live, operating enterprises'
-- draw columns, for every write path (API, import, signal mirrors, credit grades, bulk paths with triggers on): an
-- enterprise entering the pool (created, restored, reopened) or changing a mirrored column is upserted, one leaving it
-- (deleted, suspended, closed, removed) is deleted. The update trigger's WHEN clause (triggers/
-- enterprises_draw_pool_update.sql) lets through only updates that touch the pool, so an ordinary edit (name, address,
-- contacts) never calls this; the insert/delete trigger calls it for every row and it returns at once for rows that
-- are not in the pool.
CREATE OR REPLACE FUNCTION enterprise_draw_pool_track() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.deleted_at IS NULL AND OLD.operating_status = 'operating' THEN
      DELETE FROM enterprise_draw_pool WHERE id = OLD.id;
    END IF;
    RETURN NULL;
  END IF;
  IF NEW.deleted_at IS NULL AND NEW.operating_status = 'operating' THEN
    IF TG_OP = 'UPDATE' THEN
      IF NEW.id <> OLD.id THEN
        DELETE FROM enterprise_draw_pool WHERE id = OLD.id;
      END IF;
    END IF;
    INSERT INTO enterprise_draw_pool (id, draw_word_a, draw_word_b, last_accident_at, enforcement_last_decided_on, is_key,
                                      enforcement_inspected, open_major_hazard, area_code, sector, park_id, risk_level,
                                      credit_grade, hazard_tags)
    VALUES (NEW.id, NEW.draw_word_a, NEW.draw_word_b, NEW.last_accident_at, NEW.enforcement_last_decided_on, NEW.is_key,
            NEW.enforcement_inspected, NEW.open_major_hazard, NEW.area_code, NEW.sector, NEW.park_id, NEW.risk_level,
            NEW.credit_grade, NEW.hazard_tags)
    ON CONFLICT (id) DO UPDATE SET
      draw_word_a = excluded.draw_word_a, draw_word_b = excluded.draw_word_b, last_accident_at = excluded.last_accident_at,
      enforcement_last_decided_on = excluded.enforcement_last_decided_on, is_key = excluded.is_key,
      enforcement_inspected = excluded.enforcement_inspected, open_major_hazard = excluded.open_major_hazard,
      area_code = excluded.area_code, sector = excluded.sector, park_id = excluded.park_id,
      risk_level = excluded.risk_level, credit_grade = excluded.credit_grade, hazard_tags = excluded.hazard_tags;
  ELSIF TG_OP = 'UPDATE' THEN
    IF OLD.deleted_at IS NULL AND OLD.operating_status = 'operating' THEN
      DELETE FROM enterprise_draw_pool WHERE id = OLD.id;
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
