-- 0086_risk_profile_rate.sql: a risk profile's own random-selection rate
-- (issue 14: "a random-selection rate" among a profile's properties),
-- owned by domain/risk. A version may carry a rate in per mille (0-1000,
-- NULL none): the rule's matches are then selected at random at that rate,
-- drawn with the CSPRNG (domain/risk_decide.c); a hit so drawn is marked
-- random. The crossings' rates (risk_rate) stay as they are: their draws
-- are risk_decision.random, the baseline of the hit rates.
ALTER TABLE risk_profile_version
  ADD COLUMN random_per_mille SMALLINT UNSIGNED NULL AFTER fixed,
  ADD CONSTRAINT ck_risk_profile_version_rate CHECK (random_per_mille <= 1000);

ALTER TABLE risk_decision_hit
  ADD COLUMN random TINYINT(1) NOT NULL DEFAULT 0 AFTER live;
