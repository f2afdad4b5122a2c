-- Version 6 (file 008; 006 and 007 are reserved for other changes):
-- the tier a workbook or a process owner claimed for a process, as written
-- ("Tier 1", "P2", "Critical"; '' for none). It is kept as text and read
-- onto the methodology's tiers whenever it is analysed, so editing the
-- tiers re-reads it and nothing points at a tier row.

ALTER TABLE process ADD COLUMN claimed_tier TEXT NOT NULL DEFAULT '';
