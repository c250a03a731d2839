-- Keys compare byte for byte, as in the tables they refer to (V4).
ALTER TABLE night_plan CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE night_msa CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE night_org CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
