-- Version 10: workshops and the parking lot.
--
-- A workshop (planned, running, finished) has its participants, an agenda
-- of processes in order with time boxes, and the sign-offs of what the
-- room agreed. Actions and open questions are raised in a workshop or
-- outside one. At most one workshop runs at a time (a partial unique
-- index). Every row is journaled like the rest, so each is undoable.
--
-- Decisions taken while a workshop runs name it ("Finance BIA workshop,
-- 2026-12-03"): the log stays append-only, so the text is kept as it was.

CREATE TABLE workshop (
    id          TEXT PRIMARY KEY NOT NULL,
    title       TEXT NOT NULL CHECK (title <> ''),
    date        TEXT NOT NULL,
    start_time  TEXT NOT NULL DEFAULT '',
    place       TEXT NOT NULL DEFAULT '',
    facilitator TEXT NOT NULL DEFAULT '',
    scribe      TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL CHECK (status IN ('planned', 'running', 'finished')),
    notes       TEXT NOT NULL DEFAULT '',
    started_at  TEXT NOT NULL DEFAULT '',
    finished_at TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE UNIQUE INDEX workshop_one_running ON workshop(status) WHERE status = 'running';

CREATE TABLE workshop_participant (
    id          TEXT PRIMARY KEY NOT NULL,
    workshop_id TEXT NOT NULL REFERENCES workshop(id),
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL CHECK (name <> ''),
    role        TEXT NOT NULL DEFAULT '',
    unit        TEXT NOT NULL DEFAULT '',
    contact     TEXT NOT NULL DEFAULT '',
    present     INTEGER NOT NULL DEFAULT 0 CHECK (present IN (0, 1))
) STRICT;

CREATE INDEX workshop_participant_workshop ON workshop_participant(workshop_id, position);

CREATE TABLE agenda_item (
    id              TEXT PRIMARY KEY NOT NULL,
    workshop_id     TEXT NOT NULL REFERENCES workshop(id),
    position        INTEGER NOT NULL,
    process_id      TEXT NOT NULL REFERENCES process(id),
    timebox_minutes INTEGER NOT NULL CHECK (timebox_minutes > 0),
    status          TEXT NOT NULL CHECK (status IN ('pending', 'in_discussion', 'done', 'parked', 'skipped')),
    spent_seconds   INTEGER NOT NULL DEFAULT 0 CHECK (spent_seconds >= 0),
    notes           TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE UNIQUE INDEX agenda_item_process ON agenda_item(workshop_id, process_id);
CREATE INDEX agenda_item_of_process ON agenda_item(process_id);

CREATE TABLE signoff (
    id          TEXT PRIMARY KEY NOT NULL,
    workshop_id TEXT NOT NULL REFERENCES workshop(id),
    process_id  TEXT NOT NULL REFERENCES process(id),
    by_names    TEXT NOT NULL,   -- a JSON array of the participants' names
    at          TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX signoff_process ON signoff(workshop_id, process_id);
CREATE INDEX signoff_of_process ON signoff(process_id);

CREATE TABLE action (
    id          TEXT PRIMARY KEY NOT NULL,
    workshop_id TEXT REFERENCES workshop(id),
    text        TEXT NOT NULL CHECK (text <> ''),
    kind        TEXT NOT NULL CHECK (kind IN ('action', 'question', 'risk', 'decision')),
    owner       TEXT NOT NULL DEFAULT '',
    due         TEXT NOT NULL DEFAULT '',
    process_id  TEXT REFERENCES process(id),
    resource_id TEXT REFERENCES resource(id),
    status      TEXT NOT NULL CHECK (status IN ('open', 'done')),
    raised_at   TEXT NOT NULL
) STRICT;

CREATE INDEX action_workshop ON action(workshop_id);
CREATE INDEX action_process ON action(process_id);
CREATE INDEX action_resource ON action(resource_id);

ALTER TABLE decision ADD COLUMN workshop TEXT NOT NULL DEFAULT '';
