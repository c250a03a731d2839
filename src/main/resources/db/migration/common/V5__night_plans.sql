-- A night whose cost follows the delta. Each feed table records the night that last changed a record (new
-- or corrected; a record delivered again unchanged keeps its changed_on), indexed, so a night can find what
-- changed since the previous one. A record's instant is never after its night's cut-off, so records passing
-- the counting instant are among the recently changed ones; expiry dates have an index of their own.
ALTER TABLE organization ADD COLUMN changed_on DATE;
ALTER TABLE user_account ADD COLUMN changed_on DATE;
ALTER TABLE msa_link_event ADD COLUMN changed_on DATE;
ALTER TABLE achievement ADD COLUMN changed_on DATE;
ALTER TABLE metric_value ADD COLUMN changed_on DATE;
ALTER TABLE membership_order ADD COLUMN changed_on DATE;
ALTER TABLE override_grant ADD COLUMN changed_on DATE;
-- Records stored before: their last delivery is no earlier than their last change.
UPDATE organization SET changed_on = loaded_on;
UPDATE user_account SET changed_on = loaded_on;
UPDATE msa_link_event SET changed_on = loaded_on;
UPDATE achievement SET changed_on = loaded_on;
UPDATE metric_value SET changed_on = loaded_on;
UPDATE membership_order SET changed_on = loaded_on;
UPDATE override_grant SET changed_on = loaded_on;
-- One column each: a night's records go in at one end of these, in order, so they cost ingest little. (With
-- the instants in them as well, inserts land all over the index: at programme scale achievements then load at
-- half the speed.)
CREATE INDEX organization_changed ON organization (changed_on);
CREATE INDEX user_account_changed ON user_account (changed_on);
CREATE INDEX msa_link_event_changed ON msa_link_event (changed_on);
CREATE INDEX achievement_changed ON achievement (changed_on);
CREATE INDEX achievement_expires ON achievement (expires_on);
CREATE INDEX metric_value_changed ON metric_value (changed_on);
CREATE INDEX membership_order_changed ON membership_order (changed_on);
CREATE INDEX override_grant_changed ON override_grant (changed_on);

-- Per night: full or incremental, the night it builds on, and what its results depend on besides the data.
CREATE TABLE night_plan (
    business_date DATE         NOT NULL PRIMARY KEY,
    mode          VARCHAR(16)  NOT NULL,
    previous_date DATE,
    fingerprint   VARCHAR(255) NOT NULL,
    reason        VARCHAR(255) NOT NULL
);

-- For an incremental night: the MSAs whose links it derives again and the organisations it evaluates again.
CREATE TABLE night_msa (
    business_date DATE        NOT NULL,
    msa_id        VARCHAR(64) NOT NULL,
    PRIMARY KEY (business_date, msa_id)
);

CREATE TABLE night_org (
    business_date DATE        NOT NULL,
    org_id        VARCHAR(64) NOT NULL,
    PRIMARY KEY (business_date, org_id)
);
