package cn.imtp.lms.catalogue.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

@Entity
@Cacheable
@Table(name = "catalogue_module")
public class CatalogueModule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "table_id")
    private CatalogueTable table;

    private String code;

    private String name;

    private int position;

    @OneToMany(mappedBy = "module", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<CatalogueCourse> courses = new ArrayList<>();

    protected CatalogueModule() {}

    public CatalogueModule(CatalogueTable table, String code, String name, int position) {
        this.table = table;
        this.code = code;
        this.name = name;
        this.position = position;
    }

    public Long id() {
        return id;
    }

    public CatalogueTable table() {
        return table;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public List<CatalogueCourse> courses() {
        return courses;
    }

    /** Where it stands among its siblings in the training package (0-based). */
    public int position() {
        return position;
    }
}
