-- Version 1: the assessment, its methodology, units and processes.
-- Append-only: never edit a migration that has shipped; add the next one.

CREATE TABLE assessment (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    scope       TEXT NOT NULL DEFAULT '',
    facilitator TEXT NOT NULL DEFAULT '',
    threshold   INTEGER NOT NULL DEFAULT 4,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE impact_category (
    id        TEXT PRIMARY KEY NOT NULL,
    name      TEXT NOT NULL,
    position  INTEGER NOT NULL,
    threshold INTEGER
) STRICT;

CREATE TABLE severity_level (
    id    TEXT PRIMARY KEY NOT NULL,
    value INTEGER NOT NULL UNIQUE,
    name  TEXT NOT NULL
) STRICT;

CREATE TABLE level_definition (
    id          TEXT PRIMARY KEY NOT NULL,
    category_id TEXT NOT NULL REFERENCES impact_category(id),
    level       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    UNIQUE (category_id, level)
) STRICT;

CREATE TABLE horizon (
    id      TEXT PRIMARY KEY NOT NULL,
    minutes INTEGER NOT NULL UNIQUE,
    label   TEXT NOT NULL
) STRICT;

CREATE TABLE tier (
    id              TEXT PRIMARY KEY NOT NULL,
    rank            INTEGER NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    max_rto_minutes INTEGER
) STRICT;

CREATE TABLE unit (
    id        TEXT PRIMARY KEY NOT NULL,
    name      TEXT NOT NULL,
    name_key  TEXT NOT NULL UNIQUE,
    parent_id TEXT REFERENCES unit(id)
) STRICT;

CREATE TABLE process (
    id            TEXT PRIMARY KEY NOT NULL,
    name          TEXT NOT NULL,
    name_key      TEXT NOT NULL UNIQUE,
    unit_id       TEXT REFERENCES unit(id),
    owner         TEXT NOT NULL DEFAULT '',
    description   TEXT NOT NULL DEFAULT '',
    peak_periods  TEXT NOT NULL DEFAULT '',
    minimum_staff INTEGER,
    workaround    TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'approved')),
    provenance    TEXT NOT NULL DEFAULT '{"kind":"workshop"}',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

CREATE INDEX process_unit ON process(unit_id);

CREATE TABLE process_custom_field (
    id         TEXT PRIMARY KEY NOT NULL,
    process_id TEXT NOT NULL REFERENCES process(id),
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    value      TEXT NOT NULL,
    UNIQUE (process_id, name)
) STRICT;
