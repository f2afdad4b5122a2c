-- Version 7 (the perf helper's number; 006 and 008 are other changes): a
-- compact impact table, for assessments of thousands of processes.
--
-- A score is keyed by its cell, (process, category, horizon), in a table
-- WITHOUT ROWID: no separate text id, no second unique index, and no
-- indexes on category and horizon alone (a methodology edit that would
-- orphan scores counts them by reading the table; it is rare). Where a
-- score came from is split into its source — the provenance without its
-- cell, stored once in `source` (a workbook's file and sheet, a workshop,
-- the demo) — and the cell, so half a million imported scores do not each
-- repeat their file and sheet as JSON. `source` rows are never deleted:
-- the journal may bring back a score that names one.
--
-- The journal names an impact row by its key, the three ids joined by a
-- space, and its states carry `source_id` and `cell` instead of `id` and
-- `provenance`; the history of an older file is rewritten to match.

CREATE TABLE source (
    id         INTEGER PRIMARY KEY,
    provenance TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE impact_v7 (
    process_id  TEXT NOT NULL REFERENCES process(id),
    category_id TEXT NOT NULL REFERENCES impact_category(id),
    horizon_id  TEXT NOT NULL REFERENCES horizon(id),
    severity    INTEGER,
    note        TEXT NOT NULL DEFAULT '',
    source_id   INTEGER NOT NULL, -- a source row; never deleted, so not looked up on every insert
    cell        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (process_id, category_id, horizon_id)
) STRICT, WITHOUT ROWID;

-- Every provenance a score has, or had in the history, without its cell.
INSERT OR IGNORE INTO source (provenance)
SELECT CASE WHEN json_extract(p, '$.kind') = 'imported' THEN json_set(p, '$.cell', '') ELSE p END
FROM (
    SELECT provenance AS p FROM impact
    UNION
    SELECT json_extract(state, '$.provenance') FROM edit_change
    WHERE table_name = 'impact' AND state IS NOT NULL
      AND json_type(state, '$.provenance') = 'text'
)
WHERE json_valid(p);
INSERT OR IGNORE INTO source (provenance) VALUES ('{"kind":"workshop"}');

INSERT INTO impact_v7 (process_id, category_id, horizon_id, severity, note, source_id, cell)
SELECT i.process_id, i.category_id, i.horizon_id, i.severity, i.note,
       coalesce(
           (SELECT s.id FROM source s WHERE s.provenance =
               CASE WHEN json_valid(i.provenance) AND json_extract(i.provenance, '$.kind') = 'imported'
                    THEN json_set(i.provenance, '$.cell', '') ELSE i.provenance END),
           (SELECT s.id FROM source s WHERE s.provenance = '{"kind":"workshop"}')),
       CASE WHEN json_valid(i.provenance) THEN coalesce(json_extract(i.provenance, '$.cell'), '') ELSE '' END
FROM impact i;

-- The history: each impact row's old id, and its key.
CREATE TABLE impact_key_v7 (
    old TEXT PRIMARY KEY NOT NULL,
    key TEXT NOT NULL
) STRICT;
INSERT OR IGNORE INTO impact_key_v7 (old, key)
SELECT id, process_id || ' ' || category_id || ' ' || horizon_id FROM impact;
INSERT OR IGNORE INTO impact_key_v7 (old, key)
SELECT row_id, json_extract(state, '$.process_id') || ' ' || json_extract(state, '$.category_id')
               || ' ' || json_extract(state, '$.horizon_id')
FROM edit_change
WHERE table_name = 'impact' AND state IS NOT NULL
  AND json_extract(state, '$.process_id') IS NOT NULL
  AND json_extract(state, '$.category_id') IS NOT NULL
  AND json_extract(state, '$.horizon_id') IS NOT NULL;

UPDATE edit_change
SET row_id = (SELECT key FROM impact_key_v7 WHERE old = edit_change.row_id)
WHERE table_name = 'impact' AND row_id IN (SELECT old FROM impact_key_v7);

UPDATE edit_change
SET state = json_remove(
        json_set(state,
            '$.source_id', coalesce(
                (SELECT s.id FROM source s WHERE s.provenance =
                    CASE WHEN json_extract(json_extract(state, '$.provenance'), '$.kind') = 'imported'
                         THEN json_set(json_extract(state, '$.provenance'), '$.cell', '')
                         ELSE json_extract(state, '$.provenance') END),
                (SELECT s.id FROM source s WHERE s.provenance = '{"kind":"workshop"}')),
            '$.cell', coalesce(json_extract(json_extract(state, '$.provenance'), '$.cell'), '')),
        '$.provenance', '$.id')
WHERE table_name = 'impact' AND state IS NOT NULL
  AND json_type(state, '$.provenance') = 'text' AND json_valid(json_extract(state, '$.provenance'));

UPDATE edit_change
SET state = json_remove(state, '$.provenance', '$.id')
WHERE table_name = 'impact' AND state IS NOT NULL
  AND (json_type(state, '$.provenance') IS NOT NULL OR json_type(state, '$.id') IS NOT NULL);

DROP TABLE impact_key_v7;
DROP TABLE impact;
ALTER TABLE impact_v7 RENAME TO impact;
