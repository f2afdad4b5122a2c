-- Version 5: a bounded undo journal that stores each change once.
--
-- A change now keeps one state of its row: the one the edit's next move
-- leaves it in (undo, for an edit that is done; redo, for one that is
-- undone). The other side is the row as the file holds it, so it is not
-- stored twice. NULL = no row; a row that exists on both sides keeps only
-- the columns that move. Undo and redo swap the state as they go.
--
-- The journal keeps the latest `assessment.undo_limit` edits (NULL: the
-- program's default); an edit past it forgets the oldest. The decision log
-- is not part of the journal and is never shortened.

ALTER TABLE assessment ADD COLUMN undo_limit INTEGER CHECK (undo_limit IS NULL OR undo_limit >= 1);

CREATE TABLE edit_change_v5 (
    edit_seq   INTEGER NOT NULL REFERENCES edit(seq),
    ord        INTEGER NOT NULL,
    table_name TEXT NOT NULL,
    row_id     TEXT NOT NULL,
    state      TEXT,
    PRIMARY KEY (edit_seq, ord)
) STRICT;

-- Version 4 kept both sides in full; the side the next move goes to is
-- kept (a whole row is a valid state: only its differing columns move).
INSERT INTO edit_change_v5 (edit_seq, ord, table_name, row_id, state)
SELECT c.edit_seq, c.ord, c.table_name, c.row_id,
       CASE e.undone WHEN 1 THEN c.after ELSE c.before END
FROM edit_change c JOIN edit e ON e.seq = c.edit_seq;

DROP TABLE edit_change;
ALTER TABLE edit_change_v5 RENAME TO edit_change;

-- The latest edit done, the earliest undone, the redo branch and the
-- journal's length, each without reading the whole journal.
CREATE INDEX edit_position ON edit(undone, seq);
