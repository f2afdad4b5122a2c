-- Version 3: impact over time, recovery objectives and the decision log;
-- retiring categories; the room's rationale for a process's impact grid.

ALTER TABLE impact_category ADD COLUMN retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1));
ALTER TABLE process ADD COLUMN impact_rationale TEXT NOT NULL DEFAULT '';

-- One row per scored or annotated cell; severity NULL = unscored (≠ 0).
CREATE TABLE impact (
    id          TEXT PRIMARY KEY NOT NULL,
    process_id  TEXT NOT NULL REFERENCES process(id),
    category_id TEXT NOT NULL REFERENCES impact_category(id),
    horizon_id  TEXT NOT NULL REFERENCES horizon(id),
    severity    INTEGER,
    note        TEXT NOT NULL DEFAULT '',
    provenance  TEXT NOT NULL DEFAULT '{"kind":"workshop"}',
    UNIQUE (process_id, category_id, horizon_id)
) STRICT;

CREATE INDEX impact_category_use ON impact(category_id);
CREATE INDEX impact_horizon_use ON impact(horizon_id);

CREATE TABLE objective (
    id                    TEXT PRIMARY KEY NOT NULL,
    process_id            TEXT NOT NULL UNIQUE REFERENCES process(id),
    mtpd_override_minutes INTEGER,
    mtpd_override_reason  TEXT NOT NULL DEFAULT '',
    rto_minutes           INTEGER,
    rpo_minutes           INTEGER,
    rpo_not_applicable    INTEGER NOT NULL DEFAULT 0 CHECK (rpo_not_applicable IN (0, 1)),
    wrt_minutes           INTEGER,
    mbco_percent          INTEGER CHECK (mbco_percent BETWEEN 0 AND 100),
    rationale             TEXT NOT NULL DEFAULT '',
    agreed_by             TEXT NOT NULL DEFAULT '',
    agreed_on             TEXT NOT NULL DEFAULT '',
    provenance            TEXT NOT NULL DEFAULT '{"kind":"workshop"}'
) STRICT;

-- The decision log: appended to, never changed. No foreign key: a decision
-- outlives the process it was about.
CREATE TABLE decision (
    id           TEXT PRIMARY KEY NOT NULL,
    process_id   TEXT NOT NULL,
    process_name TEXT NOT NULL,
    field        TEXT NOT NULL,
    old_value    TEXT NOT NULL,
    new_value    TEXT NOT NULL,
    rationale    TEXT NOT NULL,
    who          TEXT NOT NULL,
    at           TEXT NOT NULL
) STRICT;

CREATE INDEX decision_process ON decision(process_id);

CREATE TRIGGER decision_never_updated BEFORE UPDATE ON decision
BEGIN SELECT RAISE(ABORT, 'the decision log is append-only'); END;

CREATE TRIGGER decision_never_deleted BEFORE DELETE ON decision
BEGIN SELECT RAISE(ABORT, 'the decision log is append-only'); END;
