-- Causes, messages and contribution details grow with the number of people behind a level: no fixed limit.
ALTER TABLE alert ALTER COLUMN causes CLOB NOT NULL;
ALTER TABLE alert ALTER COLUMN message CLOB NOT NULL;
ALTER TABLE level_met_contribution ALTER COLUMN detail CLOB NOT NULL;
