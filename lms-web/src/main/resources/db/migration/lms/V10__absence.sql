-- Which seconds of the video each attendance record credited ("12-27,30-31", seconds, end exclusive),
-- or for an absence report which it took back (then credited_seconds is negative): a presence question
-- left unanswered revokes exactly the credit of the idle period. Empty for records written before.
ALTER TABLE attendance_record ADD COLUMN credited_spans VARCHAR(4000) NOT NULL DEFAULT '' AFTER credited_seconds;
