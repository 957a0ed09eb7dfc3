-- function enterprise_counts_apply: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed); migrations up to 0010 hold its history.
-- Keeps enterprise_counts exact for every write path (API, import, bulk seed, SQL by hand): a derived
-- counter, so a trigger rather than application code that one path could forget. Only live rows count.
CREATE OR REPLACE FUNCTION enterprise_counts_apply(a text, s text, p uuid, k boolean, delta integer) RETURNS void AS $$
BEGIN
  INSERT INTO enterprise_counts (area_code, sector, park_id, is_key, n)
  VALUES (a, s, coalesce(p, '00000000-0000-0000-0000-000000000000'::uuid), k, delta)
  ON CONFLICT (area_code, sector, park_id, is_key) DO UPDATE SET n = enterprise_counts.n + EXCLUDED.n;
END;
$$ LANGUAGE plpgsql;
