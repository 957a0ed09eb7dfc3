-- An enterprise's active entry of a kind, found by one probe (credit.consumer.ts enterpriseStates, withdrawKind). After
-- the first accident-free sweep of a province wrote hundreds of thousands of entries, statistics still gathered on an
-- almost empty table led the planner to AND the per-enterprise lookup with credit_entries_disclosure_idx, reading every
-- active entry for each enterprise: 0.5 ms a lookup at 10,000 entries, growing with the table (bench credit-sweep).
CREATE INDEX "credit_entries_active_kind_idx" ON "credit_entries" USING btree ("enterprise_id","kind") WHERE "credit_entries"."status" = 'active';
