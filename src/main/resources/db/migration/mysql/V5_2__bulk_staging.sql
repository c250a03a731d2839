-- Staging tables of the bulk path (LOAD DATA LOCAL INFILE): one chunk's corrected and re-delivered rows of a
-- feed, merged into the feed table by UPDATE ... JOIN and deleted again in the chunk's own transaction, so
-- they are empty between chunks. Shaped like their feed tables; content columns may be NULL, as a
-- re-delivered row is staged by its key, night and line alone. Keys compare byte for byte (V4).
CREATE TABLE user_account_load (
    user_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    org_id      VARCHAR(64),
    email       VARCHAR(320),
    status      VARCHAR(16),
    changed_at  DATETIME(3),
    loaded_on   DATE         NOT NULL,
    loaded_line BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE achievement_load (
    record_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    msa_id      VARCHAR(64),
    credential  VARCHAR(64),
    earned_at   DATETIME(3),
    expires_on  DATE,
    status      VARCHAR(16),
    source      VARCHAR(128),
    loaded_on   DATE         NOT NULL,
    loaded_line BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE metric_value_load (
    org_id      VARCHAR(64)    NOT NULL,
    metric      VARCHAR(64)    NOT NULL,
    month       CHAR(7)        NOT NULL,
    association VARCHAR(16)    NOT NULL,
    amount      DECIMAL(20, 4),
    loaded_on   DATE           NOT NULL,
    loaded_line BIGINT         NOT NULL,
    PRIMARY KEY (org_id, metric, month, association)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
