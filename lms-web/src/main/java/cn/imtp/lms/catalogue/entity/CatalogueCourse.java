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
@Table(name = "catalogue_course")
public class CatalogueCourse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "module_id")
    private CatalogueModule module;

    private String code;

    private String name;

    private int position;

    @OneToMany(mappedBy = "course", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<LearningUnit> units = new ArrayList<>();

    protected CatalogueCourse() {}

    public CatalogueCourse(CatalogueModule module, String code, String name, int position) {
        this.module = module;
        this.code = code;
        this.name = name;
        this.position = position;
    }

    public Long id() {
        return id;
    }

    public CatalogueModule module() {
        return module;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public List<LearningUnit> units() {
        return units;
    }

    /** Where it stands among its siblings in the training package (0-based). */
    public int position() {
        return position;
    }
}
