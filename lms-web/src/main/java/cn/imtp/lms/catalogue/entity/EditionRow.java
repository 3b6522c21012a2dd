package cn.imtp.lms.catalogue.entity;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/** A row that belongs to one edition of the training package, with a generated id (column {@code edition_id}). */
@MappedSuperclass
public abstract class EditionRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "edition_id")
    private Edition edition;

    protected EditionRow() {}

    protected EditionRow(Edition edition) {
        this.edition = edition;
    }

    public Long id() {
        return id;
    }

    public Edition edition() {
        return edition;
    }
}
