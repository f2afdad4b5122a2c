-- Version 11: questionnaires sent to process owners (or units).
--
-- One row per workbook sent: to whom, which processes (a JSON array of
-- {id, name} as sent: a process deleted since stays listed by name), when,
-- due when, returned to whom, and the values as sent (JSON: process id →
-- answer key → text), which a returned workbook is compared with. The
-- latest return's answers are kept (`received`, the same shape) so a
-- second return shows only what changed since. Journaled like the rest.

CREATE TABLE questionnaire (
    id          TEXT PRIMARY KEY NOT NULL,
    recipient   TEXT NOT NULL CHECK (recipient <> ''),
    recipients  TEXT NOT NULL CHECK (recipients IN ('owner', 'unit')),
    processes   TEXT NOT NULL,
    sent_on     TEXT NOT NULL,
    due         TEXT NOT NULL,
    return_to   TEXT NOT NULL DEFAULT '',
    returned_on TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL CHECK (status IN ('sent', 'returned', 'applied', 'withdrawn')),
    file_name   TEXT NOT NULL DEFAULT '',
    sent_values TEXT NOT NULL DEFAULT '{}',
    received    TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE INDEX questionnaire_sent ON questionnaire(sent_on);
