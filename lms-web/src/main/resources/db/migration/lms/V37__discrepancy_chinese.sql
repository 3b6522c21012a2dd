-- The integrity report reads in the reader's language: each discrepancy keeps its English in message and gains its
-- Chinese here. Null for an edition imported before this column; the API then answers the English in both languages.
ALTER TABLE catalogue_discrepancy
    ADD COLUMN message_zh TEXT NULL;
