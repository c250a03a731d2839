-- Evaluation reads an organisation's achievements by MSA (credential, instant, expiry and status, in record
-- order). With those columns in the MSA index the read is served by the index alone, without a look-up of
-- each row by its record id.
CREATE INDEX achievement_evidence ON achievement (msa_id, record_id, credential, earned_at, expires_on, status);
DROP INDEX achievement_msa;
