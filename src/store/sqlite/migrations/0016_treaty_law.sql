-- 0016: each instrument's entry into force, as data: the date it entered
-- into force itself, and the rule by which it enters into force for a
-- State that deposits its instrument later ('deposit': on that date;
-- 'days' or 'months': so many after it, and never before the instrument
-- itself); the instrument it is a protocol to, whose parties alone may
-- become party to it (UNTOC art. 37); and whether regional economic
-- integration organisations may take part.
ALTER TABLE instruments ADD COLUMN in_force TEXT
    CHECK (in_force IS NULL OR
    in_force GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
ALTER TABLE instruments ADD COLUMN eif_rule TEXT NOT NULL DEFAULT 'deposit'
    CHECK (eif_rule IN ('deposit', 'days', 'months'));
ALTER TABLE instruments ADD COLUMN eif_after INTEGER NOT NULL DEFAULT 0
    CHECK (eif_after BETWEEN 0 AND 1000);
ALTER TABLE instruments ADD COLUMN protocol_to INTEGER
    REFERENCES instruments(id);
ALTER TABLE instruments ADD COLUMN organisations INTEGER NOT NULL DEFAULT 0
    CHECK (organisations IN (0, 1));

-- Convention art. 38 and Protocol art. 17: the thirtieth day after
-- deposit; Optional Protocol art. 14: one month after; the 1956
-- Convention art. 13: the date of deposit.
UPDATE instruments SET in_force = '2003-09-29', eif_rule = 'days',
    eif_after = 30, organisations = 1 WHERE code = 'untoc' AND shipped = 1;
UPDATE instruments SET in_force = '2003-12-25', eif_rule = 'days',
    eif_after = 30, organisations = 1,
    protocol_to = (SELECT id FROM instruments WHERE code = 'untoc')
    WHERE code = 'tip-protocol' AND shipped = 1;
UPDATE instruments SET in_force = '2002-01-18', eif_rule = 'months',
    eif_after = 1 WHERE code = 'crc-opsc' AND shipped = 1;
UPDATE instruments SET in_force = '1957-04-30', eif_rule = 'deposit',
    eif_after = 0 WHERE code = 'slavery-1956' AND shipped = 1;
