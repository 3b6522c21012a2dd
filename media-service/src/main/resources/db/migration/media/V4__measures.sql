-- The objective measures of a recording (practical tasks), computed once from its source and kept as JSON.
CREATE TABLE media_measure (
    asset_id    CHAR(36)     NOT NULL PRIMARY KEY,
    measures    TEXT         NOT NULL,
    computed_at TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_measure_asset FOREIGN KEY (asset_id) REFERENCES media_asset (id)
) ENGINE=InnoDB;
