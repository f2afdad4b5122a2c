-- Version 6: a resource may be of no kind yet ('unclassified', shown "to
-- classify"): a name an import read from a dependency list that said no
-- kind ("Dependencies: Core banking; Citrix"), kept until someone
-- classifies it.
--
-- SQLite cannot change a CHECK, so `resource` is rebuilt, and with it
-- `resource_custom_field`, whose foreign key names it. Foreign keys are on
-- while this runs: the custom fields move to a new table first (pointing
-- at the new `resource`), so dropping the old tables deletes no referenced
-- row; renaming the new `resource` rewrites that reference to its name.
-- Ids are kept, so the undo journal's rows still find theirs.

CREATE TABLE resource_v6 (
    id                           TEXT PRIMARY KEY NOT NULL,
    kind                         TEXT NOT NULL CHECK (kind IN ('application', 'infrastructure', 'data', 'supplier', 'people', 'site', 'equipment', 'unclassified')),
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

INSERT INTO resource_v6 (id, kind, name, name_key, owner, description, rto_capability_minutes,
                         rpo_capability_minutes, redundancy, contractual_recovery_minutes, notes, provenance)
SELECT id, kind, name, name_key, owner, description, rto_capability_minutes,
       rpo_capability_minutes, redundancy, contractual_recovery_minutes, notes, provenance
FROM resource;

CREATE TABLE resource_custom_field_v6 (
    id          TEXT PRIMARY KEY NOT NULL,
    resource_id TEXT NOT NULL REFERENCES resource_v6(id),
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    value       TEXT NOT NULL,
    UNIQUE (resource_id, name)
) STRICT;

INSERT INTO resource_custom_field_v6 (id, resource_id, position, name, value)
SELECT id, resource_id, position, name, value FROM resource_custom_field;

DROP TABLE resource_custom_field;
DROP TABLE resource;
ALTER TABLE resource_v6 RENAME TO resource;
ALTER TABLE resource_custom_field_v6 RENAME TO resource_custom_field;
