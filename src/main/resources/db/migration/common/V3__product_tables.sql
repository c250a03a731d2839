-- The product's own tables. One dialect for H2 (MySQL mode) and MySQL/MariaDB.
-- Instants are stored as UTC date-times; every feed table records the night and line that last applied a
-- record (loaded_on, loaded_line), which finds a key repeated within one file.

CREATE TABLE organization (
    org_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    market      VARCHAR(16)  NOT NULL,
    country     VARCHAR(64),
    loaded_on   DATE         NOT NULL,
    loaded_line BIGINT       NOT NULL
);

CREATE TABLE user_account (
    user_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    org_id      VARCHAR(64)  NOT NULL,
    email       VARCHAR(320),
    status      VARCHAR(16)  NOT NULL,
    changed_at  DATETIME(3)  NOT NULL,
    loaded_on   DATE         NOT NULL,
    loaded_line BIGINT       NOT NULL
);
CREATE INDEX user_account_org ON user_account (org_id);

CREATE TABLE msa_link_event (
    event_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    msa_id      VARCHAR(64)  NOT NULL,
    user_id     VARCHAR(64)  NOT NULL,
    action      VARCHAR(8)   NOT NULL,
    occurred_at DATETIME(3)  NOT NULL,
    loaded_on   DATE         NOT NULL,
    loaded_line BIGINT       NOT NULL
);
CREATE INDEX msa_link_event_msa ON msa_link_event (msa_id, occurred_at);
CREATE INDEX msa_link_event_user ON msa_link_event (user_id);

CREATE TABLE achievement (
    record_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    msa_id      VARCHAR(64)  NOT NULL,
    credential  VARCHAR(64)  NOT NULL,
    earned_at   DATETIME(3)  NOT NULL,
    expires_on  DATE,
    status      VARCHAR(16)  NOT NULL,
    source      VARCHAR(128),
    loaded_on   DATE         NOT NULL,
    loaded_line BIGINT       NOT NULL
);
CREATE INDEX achievement_msa ON achievement (msa_id);

CREATE TABLE metric_value (
    org_id      VARCHAR(64)    NOT NULL,
    metric      VARCHAR(64)    NOT NULL,
    month       CHAR(7)        NOT NULL,
    association VARCHAR(16)    NOT NULL,
    amount      DECIMAL(20, 4) NOT NULL,
    loaded_on   DATE           NOT NULL,
    loaded_line BIGINT         NOT NULL,
    PRIMARY KEY (org_id, metric, month, association)
);

CREATE TABLE membership_order (
    order_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    org_id       VARCHAR(64) NOT NULL,
    level        VARCHAR(8)  NOT NULL,
    purchased_on DATE        NOT NULL,
    loaded_on    DATE        NOT NULL,
    loaded_line  BIGINT      NOT NULL
);
CREATE INDEX membership_order_org ON membership_order (org_id);

CREATE TABLE override_grant (
    override_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    org_id      VARCHAR(64)  NOT NULL,
    competency  VARCHAR(64)  NOT NULL,
    level       VARCHAR(8)   NOT NULL,
    valid_from  DATE         NOT NULL,
    valid_until DATE         NOT NULL,
    reason      VARCHAR(1000),
    granted_by  VARCHAR(255),
    loaded_on   DATE         NOT NULL,
    loaded_line BIGINT       NOT NULL
);
CREATE INDEX override_grant_org ON override_grant (org_id);

-- Records of a night that were not applied, with why.
CREATE TABLE feed_reject (
    business_date DATE          NOT NULL,
    feed          VARCHAR(32)   NOT NULL,
    line          BIGINT        NOT NULL,
    record_key    VARCHAR(512)  NOT NULL,
    reason        VARCHAR(32)   NOT NULL,
    detail        VARCHAR(2000) NOT NULL,
    PRIMARY KEY (business_date, feed, line)
);

-- Per night and feed: records read, applied and rejected, counted in the same transaction as the records.
CREATE TABLE feed_count (
    business_date DATE        NOT NULL,
    feed          VARCHAR(32) NOT NULL,
    read_count    BIGINT      NOT NULL,
    applied_count BIGINT      NOT NULL,
    rejected_count BIGINT     NOT NULL,
    PRIMARY KEY (business_date, feed)
);

-- The link of every MSA in force at the counting instant of the last evaluated night.
CREATE TABLE effective_link (
    msa_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id VARCHAR(64) NOT NULL,
    org_id  VARCHAR(64) NOT NULL,
    since   DATETIME(3) NOT NULL
);
CREATE INDEX effective_link_org ON effective_link (org_id);

-- One row per night, organisation and competency: what was attained and how it stands.
CREATE TABLE competency_result (
    business_date     DATE        NOT NULL,
    org_id            VARCHAR(64) NOT NULL,
    competency        VARCHAR(64) NOT NULL,
    attained_level    VARCHAR(8)  NOT NULL,
    attained_path     VARCHAR(64) NOT NULL,
    requirement_level VARCHAR(8)  NOT NULL,
    held_level        VARCHAR(8)  NOT NULL,
    displayed_level   VARCHAR(8)  NOT NULL,
    status            VARCHAR(16) NOT NULL,
    qualifying_people INT         NOT NULL,
    projected_level   VARCHAR(8)  NOT NULL,
    override_id       VARCHAR(64),
    term_id           VARCHAR(64),
    PRIMARY KEY (business_date, org_id, competency)
);

-- The highest level attained in a membership term (never lowered within the term).
CREATE TABLE held_level (
    org_id     VARCHAR(64) NOT NULL,
    competency VARCHAR(64) NOT NULL,
    term_id    VARCHAR(64) NOT NULL,
    level      VARCHAR(8)  NOT NULL,
    PRIMARY KEY (org_id, competency, term_id)
);

-- For each organisation, competency and level: the last night it was met and what made it, so a later
-- night can name what changed.
CREATE TABLE level_met (
    org_id      VARCHAR(64) NOT NULL,
    competency  VARCHAR(64) NOT NULL,
    level       VARCHAR(8)  NOT NULL,
    last_met_on DATE        NOT NULL,
    path        VARCHAR(64) NOT NULL,
    PRIMARY KEY (org_id, competency, level)
);

CREATE TABLE level_met_contribution (
    org_id     VARCHAR(64)   NOT NULL,
    competency VARCHAR(64)   NOT NULL,
    level      VARCHAR(8)    NOT NULL,
    kind       VARCHAR(16)   NOT NULL,
    subject    VARCHAR(64)   NOT NULL,
    user_id    VARCHAR(64),
    detail     VARCHAR(1000) NOT NULL,
    PRIMARY KEY (org_id, competency, level, kind, subject)
);

-- Alerts by key (organisation, type, competency, level, membership term); empty strings where a part of
-- the key does not apply.
CREATE TABLE alert (
    alert_id     VARCHAR(32)   NOT NULL PRIMARY KEY,
    org_id       VARCHAR(64)   NOT NULL,
    type         VARCHAR(32)   NOT NULL,
    competency   VARCHAR(64)   NOT NULL,
    level        VARCHAR(8)    NOT NULL,
    term_id      VARCHAR(64)   NOT NULL,
    opened_on    DATE          NOT NULL,
    last_seen_on DATE          NOT NULL,
    resolved_on  DATE,
    causes       VARCHAR(4000) NOT NULL,
    message      VARCHAR(2000) NOT NULL,
    CONSTRAINT alert_key UNIQUE (org_id, type, competency, level, term_id)
);
