-- Every domain event is written twice: appended, then marked relayed (platform/queue.ts), so the outbox leaves one dead
-- row version per event, and the relay's one-second poll of the unrelayed partial index walks past them until a
-- vacuum. At the default threshold (20%) a province's ten million events carry two million before autovacuum starts;
-- the first accident-free sweep of the province bench alone appended 516,011. 1% brings a vacuum after ~100,000 at
-- that size. Where autovacuum is switched off, the nightly table-maintenance job vacuums instead
-- (platform/maintenance.ts). Storage parameters as in 0055: PostgreSQL since 8.4, KingbaseES, HighGo, openGauss.
ALTER TABLE "domain_events" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);
