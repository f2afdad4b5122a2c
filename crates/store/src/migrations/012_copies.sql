-- Version 12: copies handed out and merged back.
--
-- `copy` is this file's identity among the copies of its assessment (the
-- row with own = 1: a fresh id for each copy handed out, and a counter
-- that every edit made here after the first copy raises), and every other
-- copy it knows, with the latest of that copy's edits it has taken in
-- (a version vector). A file never handed out has no rows and pays
-- nothing.
--
-- `stamp` says which copy last changed a field (`col`; '' for the row as
-- a whole: added, or deleted), at which of its counts, and the value the
-- field had before this copy's latest run of changes (`base`, JSON; a
-- deleted row's whole row): a field with no stamp was last changed before
-- any copy was handed out (or with the row that owns it), which every
-- copy knows. A merge takes a field from the copy when this file knew the
-- copy's earlier state of it, keeps its own when the copy knew this
-- file's, and otherwise has a conflict.
--
-- `conflict` lists what a merge could not decide, kept as this file had
-- it until someone resolves it, and travels with the file.

CREATE TABLE copy (
    id          TEXT PRIMARY KEY NOT NULL,
    holder      TEXT NOT NULL DEFAULT '',
    own         INTEGER NOT NULL DEFAULT 0 CHECK (own IN (0, 1)),
    counter     INTEGER NOT NULL DEFAULT 0 CHECK (counter >= 0),
    forked_from TEXT NOT NULL DEFAULT '',
    forked_at   TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE UNIQUE INDEX copy_own ON copy(own) WHERE own = 1;

CREATE TABLE stamp (
    id         TEXT PRIMARY KEY NOT NULL,
    table_name TEXT NOT NULL,
    row_key    TEXT NOT NULL,
    col        TEXT NOT NULL,
    copy_id    TEXT NOT NULL,
    counter    INTEGER NOT NULL,
    base       TEXT
) STRICT;

CREATE INDEX stamp_by_copy ON stamp(copy_id, counter);
CREATE INDEX stamp_by_row ON stamp(table_name, row_key);

CREATE TABLE conflict (
    id             TEXT PRIMARY KEY NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('field', 'edited_deleted', 'deleted_edited', 'same_name')),
    table_name     TEXT NOT NULL,
    row_key        TEXT NOT NULL,
    col            TEXT NOT NULL,
    mine           TEXT,
    theirs         TEXT,
    base           TEXT,
    theirs_copy    TEXT NOT NULL,
    theirs_counter INTEGER NOT NULL,
    from_holder    TEXT NOT NULL DEFAULT '',
    found_at       TEXT NOT NULL,
    resolution     TEXT NOT NULL DEFAULT '' CHECK (resolution IN ('', 'mine', 'theirs', 'typed', 'both', 'same')),
    resolved_value TEXT,
    resolved_by    TEXT NOT NULL DEFAULT '',
    resolved_at    TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX conflict_row ON conflict(table_name, row_key, col);
