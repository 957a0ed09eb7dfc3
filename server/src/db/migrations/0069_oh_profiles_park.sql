-- A park station's 职业健康 rates are summed from its park's profiles (modules/occupational-health rateSource): the
-- rate cells are kept by area and sector only. Partial: most enterprises belong to no park.
CREATE INDEX "oh_profiles_park_idx" ON "oh_profiles" USING btree ("park_id") WHERE "oh_profiles"."park_id" is not null;
