-- Version 2: the edit journal behind undo and redo. Each edit is one user
-- action; its changes hold every row's state before and after, as JSON.
-- Kept in the file, so undo survives closing and reopening.

CREATE TABLE edit (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    id     TEXT NOT NULL UNIQUE,
    label  TEXT NOT NULL,
    at     TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT;

CREATE TABLE edit_change (
    edit_seq   INTEGER NOT NULL REFERENCES edit(seq),
    ord        INTEGER NOT NULL,
    table_name TEXT NOT NULL,
    row_id     TEXT NOT NULL,
    before     TEXT,
    after      TEXT,
    PRIMARY KEY (edit_seq, ord)
) STRICT;
