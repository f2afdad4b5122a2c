-- Version 4: resources (what processes need) and dependencies between
-- processes and resources.

CREATE TABLE resource (
    id                           TEXT PRIMARY KEY NOT NULL,
    kind                         TEXT NOT NULL CHECK (kind IN ('application', 'infrastructure', 'data', 'supplier', 'people', 'site', 'equipment')),
    name                         TEXT NOT NULL,
    name_key                     TEXT NOT NULL,
    owner                        TEXT NOT NULL DEFAULT '',
    description                  TEXT NOT NULL DEFAULT '',
    rto_capability_minutes       INTEGER,
    rpo_capability_minutes       INTEGER,
    redundancy                   TEXT NOT NULL DEFAULT 'none' CHECK (redundancy IN ('none', 'manual_workaround', 'alternate', 'automatic_failover')),
    contractual_recovery_minutes INTEGER,
    notes                        TEXT NOT NULL DEFAULT '',
    provenance                   TEXT NOT NULL DEFAULT '{"kind":"workshop"}',
    UNIQUE (kind, name_key)
) STRICT;

CREATE TABLE resource_custom_field (
    id          TEXT PRIMARY KEY NOT NULL,
    resource_id TEXT NOT NULL REFERENCES resource(id),
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    value       TEXT NOT NULL,
    UNIQUE (resource_id, name)
) STRICT;

-- from relies on to. Ends are processes or resources (checked by the store,
-- which also removes a row's dependencies with it).
CREATE TABLE dependency (
    id        TEXT PRIMARY KEY NOT NULL,
    from_kind TEXT NOT NULL CHECK (from_kind IN ('process', 'resource')),
    from_id   TEXT NOT NULL,
    to_kind   TEXT NOT NULL CHECK (to_kind IN ('process', 'resource')),
    to_id     TEXT NOT NULL,
    strength  TEXT NOT NULL DEFAULT 'required' CHECK (strength IN ('required', 'degraded', 'optional')),
    note      TEXT NOT NULL DEFAULT '',
    UNIQUE (from_id, to_id),
    CHECK (from_id != to_id),
    CHECK (NOT (from_kind = 'resource' AND to_kind = 'process'))
) STRICT;

CREATE INDEX dependency_to ON dependency(to_id);
