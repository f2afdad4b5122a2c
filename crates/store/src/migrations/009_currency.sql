-- Version 9: the currency of the methodology's amounts ("loss over 1 M"),
-- an ISO 4217 code kept with the threshold on the assessment row.
--
-- An older file gets the currency its level definitions already write:
-- GBP for "£", EUR for "€", USD for "$", looking first at the financial
-- categories (whose name holds "financ" or "finanz"), then at any, lowest level
-- first; else EUR, the program's fallback. The same file upgrades to the
-- same value on every machine (the locale of whoever opens it first does
-- not decide); the Methodology screen shows it, and it is one edit to
-- change.

ALTER TABLE assessment ADD COLUMN currency TEXT NOT NULL DEFAULT 'EUR'
    CHECK (length(currency) = 3 AND currency NOT GLOB '*[^A-Z]*');

UPDATE assessment SET currency = coalesce((
    SELECT CASE
               WHEN instr(d.text, '£') > 0 THEN 'GBP'
               WHEN instr(d.text, '€') > 0 THEN 'EUR'
               ELSE 'USD'
           END
      FROM level_definition AS d
      JOIN impact_category AS c ON c.id = d.category_id
     WHERE instr(d.text, '£') > 0 OR instr(d.text, '€') > 0 OR instr(d.text, '$') > 0
     ORDER BY (lower(c.name) LIKE '%financ%' OR lower(c.name) LIKE '%finanz%') DESC,
              c.position, d.level
     LIMIT 1
), 'EUR');
