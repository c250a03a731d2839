-- The firing ledger: every firing of a schedule, once, whichever node of the cluster took it. The key is the
-- schedule and the instant the firing was due (UTC): a node that would run a firing another node already took
-- (a duplicate) cannot record it, so it does not run it. Read by the schedules command and the console.
CREATE TABLE schedule_firing (
    schedule_name VARCHAR(100)  NOT NULL,
    scheduled_at  DATETIME(3)   NOT NULL,
    fired_at      DATETIME(3)   NOT NULL,
    node          VARCHAR(200)  NOT NULL,
    business_date DATE,
    run_id        BIGINT,
    outcome       VARCHAR(16)   NOT NULL,
    message       VARCHAR(1000),
    ended_at      DATETIME(3),
    PRIMARY KEY (schedule_name, scheduled_at)
);
CREATE INDEX schedule_firing_fired ON schedule_firing (fired_at);
