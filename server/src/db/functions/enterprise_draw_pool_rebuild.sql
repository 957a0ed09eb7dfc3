-- function enterprise_draw_pool_rebuild: its one source. Edit it here (CREATE OR REPLACE; the migration runner
-- re-applies a file whose checksum changed); migration 0063 made its table and filled it once the same way.
-- Refills enterprise_draw_pool from the live, operating enterprises, for bulk loads that run with the enterprise
-- triggers off (the seed, session_replication_role = replica) and for repairs (the CLI's rebuild-draw-pool):
-- SELECT enterprise_draw_pool_rebuild(). TRUNCATE rather than DELETE: a fresh file in area order, not a million dead
-- rows in front of the new ones for every draw to read past; it holds the table exclusively until the transaction
-- ends, so draws and enterprise writes wait for the refill (seconds at a province's size).
CREATE OR REPLACE FUNCTION enterprise_draw_pool_rebuild() RETURNS void AS $$
BEGIN
  TRUNCATE enterprise_draw_pool;
  INSERT INTO enterprise_draw_pool (id, draw_word_a, draw_word_b, last_accident_at, enforcement_last_decided_on, is_key,
                                    enforcement_inspected, open_major_hazard, area_code, sector, park_id, risk_level,
                                    credit_grade, hazard_tags)
  SELECT id, draw_word_a, draw_word_b, last_accident_at, enforcement_last_decided_on, is_key, enforcement_inspected,
         open_major_hazard, area_code, sector, park_id, risk_level, credit_grade, hazard_tags
  FROM enterprises
  WHERE deleted_at IS NULL AND operating_status = 'operating'
  ORDER BY area_code, id;
END;
$$ LANGUAGE plpgsql;
