-- The audit chain is linked after commit by one chainer instead of inside every writer's transaction (issue 16: 200
-- examinees handing in at once, 100k-person imports; issue 19: writes under many users). Until now each append took
-- the platform-wide advisory lock 4242001 and read the chain's end, and held that lock until its transaction
-- committed, so every write in the platform committed one after another. Now a writer inserts its entries with the
-- chain fields null; the chainer (platform/audit.ts) links them in `chain_seq` order and fills prev_hash, hash and
-- chain_seq once. functions/audit_log_refuse_change.sql allows exactly that fill and nothing else.
ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
-- Entries chained so far were chained in id order. The function files are applied after the migrations, so the
-- append-only trigger is still the one that refuses every update: it is switched off for this fill only.
ALTER TABLE "audit_log" DISABLE TRIGGER audit_log_no_update;--> statement-breakpoint
UPDATE "audit_log" SET "chain_seq" = "id";--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER audit_log_no_update;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_chain_seq_idx" ON "audit_log" USING btree ("chain_seq");--> statement-breakpoint
CREATE INDEX "audit_unchained_idx" ON "audit_log" USING btree ("id") WHERE hash is null;
