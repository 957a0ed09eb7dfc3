-- Autovacuum keeps up with the tables ordinary work churns most (issue #19). The default thresholds (20% dead rows
-- before a vacuum, 10% changed before an analyze) let a million-enterprise table carry 200,000 dead row versions
-- and stale statistics before anything happens; every draw-signal refresh, credit grade and edit rewrites an
-- enterprise row (not a HOT update: the draw pool's covering index holds the signals), and the list, counts and
-- search degrade long before the default fires. 2% / 1% brings a vacuum after ~20,000 changed rows at province
-- size. Bulk paths do not wait for it: they settle their tables themselves (platform/maintenance.ts). Storage
-- parameters PostgreSQL has had since 8.4, accepted by KingbaseES, HighGo and openGauss; PGlite keeps them unused.
ALTER TABLE "enterprises" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.01);--> statement-breakpoint
ALTER TABLE "hazards" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.01);
