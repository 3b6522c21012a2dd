package cn.imtp.lms.catalogue.control;

import cn.imtp.lms.catalogue.control.PackageData.CourseData;
import cn.imtp.lms.catalogue.control.PackageData.ModuleData;
import cn.imtp.lms.catalogue.control.PackageData.TableFile;
import cn.imtp.lms.catalogue.control.PackageData.UnitData;
import cn.imtp.lms.catalogue.entity.AllocationEntry;
import cn.imtp.lms.catalogue.entity.BlueprintCourseEntry;
import cn.imtp.lms.catalogue.entity.CatalogueCourse;
import cn.imtp.lms.catalogue.entity.CatalogueModule;
import cn.imtp.lms.catalogue.entity.CatalogueTable;
import cn.imtp.lms.catalogue.entity.DiscrepancyEntry;
import cn.imtp.lms.catalogue.entity.Edition;
import cn.imtp.lms.catalogue.entity.LearningUnit;
import cn.imtp.lms.catalogue.entity.PracticalContentEntry;
import cn.imtp.lms.catalogue.entity.RequirementEntry;
import cn.imtp.lms.catalogue.entity.TeachingMethodEntry;
import cn.imtp.lms.catalogue.entity.UnitSpecEntry;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/**
 * Imports every edition listed in the resources module at start-up, once: an edition whose code and
 * content hash are already stored is skipped. A database lock keeps several nodes that start
 * together from importing the same edition twice.
 */
@Startup
@Singleton
@DependsOn("SchemaStartup")
public class CatalogueImporter {

    private static final Logger LOG = Logger.getLogger(CatalogueImporter.class.getName());

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @PostConstruct
    void importEditions() {
        Object locked =
                em.createNativeQuery("SELECT GET_LOCK('catalogue-import', 120)").getSingleResult();
        if (locked == null || ((Number) locked).intValue() != 1) {
            throw new IllegalStateException("could not take the catalogue import lock within 120 s");
        }
        try {
            for (PackageData.Edition data :
                    PackageData.readAll(Thread.currentThread().getContextClassLoader())) {
                boolean present = !em.createQuery(
                                "SELECT e.id FROM Edition e WHERE e.code = :code AND e.contentHash = :hash")
                        .setParameter("code", data.code())
                        .setParameter("hash", data.contentHash())
                        .getResultList()
                        .isEmpty();
                if (!present) {
                    store(data);
                }
            }
        } finally {
            em.createNativeQuery("SELECT RELEASE_LOCK('catalogue-import')").getSingleResult();
        }
    }

    private void store(PackageData.Edition data) {
        Edition edition = new Edition(data.code(), data.title(), data.source(), data.contentHash());
        data.allocation()
                .rows()
                .forEach(r -> edition.allocation()
                        .add(new AllocationEntry(
                                edition, r.level(), r.basicHours(), r.skillHours(), r.otherHours(), r.totalHours())));
        int tablePosition = 0;
        for (TableFile t : data.tables()) {
            List<Integer> lines = t.seedLines();
            CatalogueTable table = new CatalogueTable(
                    edition,
                    t.section(),
                    t.level(),
                    t.jobType(),
                    t.title(),
                    t.statedTotalHours(),
                    lines.get(0),
                    lines.get(lines.size() - 1),
                    tablePosition++);
            edition.tables().add(table);
            int m = 0;
            for (ModuleData md : t.modules()) {
                CatalogueModule module = new CatalogueModule(table, md.code(), md.name(), m++);
                table.modules().add(module);
                int c = 0;
                for (CourseData cd : md.courses()) {
                    CatalogueCourse course = new CatalogueCourse(module, cd.code(), cd.name(), c++);
                    module.courses().add(course);
                    int u = 0;
                    for (UnitData ud : cd.units()) {
                        course.units()
                                .add(new LearningUnit(course, ud.seq(), ud.name(), ud.hours(), ud.seedLine(), u++));
                    }
                }
            }
        }
        int position = 0;
        for (PackageData.BlueprintFile b : data.blueprints()) {
            for (PackageData.BlueprintModule m : b.modules()) {
                for (PackageData.BlueprintCourse c : m.courses()) {
                    edition.blueprints()
                            .add(new BlueprintCourseEntry(
                                    edition,
                                    b.section(),
                                    b.kind(),
                                    b.level(),
                                    b.jobType(),
                                    b.title(),
                                    m.code(),
                                    m.name(),
                                    m.weight(),
                                    c.code(),
                                    c.name(),
                                    c.weight(),
                                    c.units().stream()
                                            .map(PackageData.BlueprintUnit::name)
                                            .toList(),
                                    c.seedLine(),
                                    position++));
                }
            }
        }
        position = 0;
        for (PackageData.PracticalFile p : data.practicals()) {
            for (PackageData.PracticalModule m : p.modules()) {
                for (PackageData.PracticalContent c : m.contents()) {
                    edition.practicals()
                            .add(new PracticalContentEntry(
                                    edition,
                                    p.section(),
                                    p.level(),
                                    p.jobType(),
                                    p.title(),
                                    m.code(),
                                    m.name(),
                                    m.weight(),
                                    c.code(),
                                    c.name(),
                                    c.weight(),
                                    c.form(),
                                    c.selection(),
                                    c.minutes(),
                                    c.importance(),
                                    c.seedLine(),
                                    position++));
                }
            }
        }
        if (data.methods() != null) {
            position = 0;
            for (PackageData.MethodData m : data.methods().methods()) {
                edition.methods()
                        .add(new TeachingMethodEntry(edition, m.name(), m.description(), m.seedLine(), position++));
            }
        }
        position = 0;
        try (Jsonb jsonb = JsonbBuilder.create()) {
            for (PackageData.SpecFile f : data.specs()) {
                for (PackageData.SpecModule m : f.modules()) {
                    for (PackageData.SpecCourse c : m.courses()) {
                        for (PackageData.SpecUnit u : c.units()) {
                            edition.specs()
                                    .add(new UnitSpecEntry(
                                            edition,
                                            f.section(),
                                            f.level(),
                                            f.jobType(),
                                            m.code(),
                                            m.name(),
                                            c.code(),
                                            c.name(),
                                            u.seq(),
                                            u.name(),
                                            u.hours(),
                                            jsonb.toJson(u.content()),
                                            u.methods(),
                                            jsonb.toJson(u.keyPoints()),
                                            u.seedLine(),
                                            position++));
                        }
                    }
                }
            }
            if (data.teachers() != null && data.courseSelection() != null) {
                edition.rules(jsonb.toJson(new PackageData.Rules(data.courseSelection(), data.teachers())));
            }
            position = 0;
            for (PackageData.RequirementsFile f : data.requirements()) {
                for (PackageData.RequirementModule m : f.modules()) {
                    for (PackageData.RequirementContent c : m.contents()) {
                        edition.requirements()
                                .add(new RequirementEntry(
                                        edition,
                                        f.section(),
                                        f.level(),
                                        f.jobType(),
                                        m.code(),
                                        m.name(),
                                        c.code(),
                                        c.name(),
                                        jsonb.toJson(c.targets() == null ? List.of() : c.targets()),
                                        jsonb.toJson(c.items() == null ? List.of() : c.items()),
                                        c.seedLine(),
                                        position++));
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot store the course specifications and training requirements of edition " + data.code() + ": "
                            + e.getMessage(),
                    e);
        }
        Integrity.check(data)
                .forEach(d -> edition.discrepancies()
                        .add(new DiscrepancyEntry(
                                edition,
                                d.section(),
                                d.level(),
                                d.jobType(),
                                d.kind(),
                                d.message().en(),
                                d.message().zh(),
                                d.seedLines())));
        em.persist(edition);
        LOG.info(() -> "Imported training package edition " + data.code() + " ("
                + data.tables().size() + " tables, " + edition.discrepancies().size() + " discrepancies in the seed)");
    }
}
