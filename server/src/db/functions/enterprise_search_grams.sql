-- function enterprise_search_grams: its one source. Edit it here (CREATE OR REPLACE; the migration runner re-applies
-- a file whose checksum changed); migrations up to 0002 hold its history.
-- Character bigrams of an enterprise's name and former names, lower-cased: the keys of the GIN index
-- behind the list's `q` search (index enterprises_search_idx, created with the table in 0003).
-- Chinese names have no word breaks and users search with two characters ("宏达"): pg_trgm needs three
-- and, under a C ctype, ignores Chinese characters altogether; bigrams need only core SQL, so they
-- behave the same on PostgreSQL, PGlite, KingbaseES and openGauss (no LATERAL, no PARALLEL clause).
CREATE OR REPLACE FUNCTION enterprise_search_grams(name text, former_names text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(g), '{}'::text[])
  FROM (
    SELECT substr(t, generate_series(1, char_length(t) - 1), 2) AS g
    FROM (SELECT lower(coalesce($1, '') || chr(10) || coalesce(array_to_string($2, chr(10)), '')) AS t) AS joined
  ) AS grams
  WHERE strpos(g, chr(10)) = 0
$$;
