-- function write_guard: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies a file whose
-- checksum changed).
-- The guard of platform/write-together.ts: a statement of several writes led by a conditional update selects
-- write_guard(<that update wrote its row>). False raises, and the statement — every write in it — is undone.
CREATE OR REPLACE FUNCTION write_guard(wrote boolean) RETURNS boolean AS $$
BEGIN
  IF NOT wrote THEN
    RAISE EXCEPTION 'write_guard: the row changed since it was read' USING ERRCODE = 'AJ409';
  END IF;
  RETURN true;
END;
$$ LANGUAGE plpgsql;
