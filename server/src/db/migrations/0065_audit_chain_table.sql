-- The hash chain moves from audit_log's own columns to audit_chain (issue 16: a 100,000-person import; issue 19: writes
-- under many users). Linking an entry updated its audit_log row: a new version of a wide row with its JSON, written
-- to every index of the table (the chain columns were indexed, so the update could not stay on the page), and the
-- chainer's updates cost more than the inserts they followed. Now the chainer only inserts one narrow row a link, and
-- audit_log is never updated at all. Entries are found by id above the chain's frontier; an id passed while it was
-- not yet visible is kept in audit_chain_gaps and looked at again (platform/audit.ts).
CREATE TABLE "audit_chain" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"audit_id" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_chain_gaps" (
	"from_id" bigint PRIMARY KEY NOT NULL,
	"to_id" bigint NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- The links made so far, as they are: the hashes do not change.
INSERT INTO "audit_chain" ("seq", "audit_id", "prev_hash", "hash")
SELECT "chain_seq", "id", "prev_hash", "hash" FROM "audit_log" WHERE "chain_seq" IS NOT NULL;
--> statement-breakpoint
-- Entries below the frontier not linked yet (committed after the chainer passed them) are gaps of one id.
INSERT INTO "audit_chain_gaps" ("from_id", "to_id")
SELECT "id", "id" FROM "audit_log"
 WHERE "chain_seq" IS NULL AND "id" < (SELECT coalesce(max("audit_id"), 0) FROM "audit_chain");
--> statement-breakpoint
-- Ids missing among the last 10,000 below the frontier may belong to a transaction still open during the upgrade;
-- older ones were rolled back (verification links any entry still unlinked).
INSERT INTO "audit_chain_gaps" ("from_id", "to_id")
SELECT "prev_id" + 1, "audit_id" - 1
  FROM (SELECT "audit_id", lag("audit_id") OVER (ORDER BY "audit_id") AS "prev_id" FROM "audit_chain"
         WHERE "audit_id" > (SELECT max("audit_id") - 10000 FROM "audit_chain")) s
 WHERE "audit_id" > "prev_id" + 1
   AND NOT EXISTS (SELECT 1 FROM "audit_chain_gaps" g WHERE g."from_id" BETWEEN s."prev_id" + 1 AND s."audit_id" - 1);
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_chain_audit_idx" ON "audit_chain" USING btree ("audit_id");--> statement-breakpoint
DROP INDEX "audit_chain_seq_idx";--> statement-breakpoint
DROP INDEX "audit_unchained_idx";--> statement-breakpoint
ALTER TABLE "audit_log" DROP COLUMN "prev_hash";--> statement-breakpoint
ALTER TABLE "audit_log" DROP COLUMN "hash";--> statement-breakpoint
ALTER TABLE "audit_log" DROP COLUMN "chain_seq";
