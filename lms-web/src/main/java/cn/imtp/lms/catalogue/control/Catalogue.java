package cn.imtp.lms.catalogue.control;

import cn.imtp.lms.catalogue.entity.Edition;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.LearningUnit;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reading the current edition of the catalogue (the one imported last). */
@ApplicationScoped
public class Catalogue {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Transactional
    public CatalogueViews.Summary summary() {
        Edition e = current();
        return new CatalogueViews.Summary(
                e.code(),
                e.importedAt(),
                e.allocation().stream().map(CatalogueViews.Allocation::of).toList(),
                e.tables().stream().map(CatalogueViews.TableSummary::of).toList());
    }

    /** The basic course when both are null, otherwise one level's skill course for one job type. */
    @Transactional
    public CatalogueViews.Table table(Level level, JobType jobType) {
        return current().tables().stream()
                .filter(t -> t.level() == level && t.jobType() == jobType)
                .findFirst()
                .map(CatalogueViews.Table::of)
                .orElseThrow(() -> PlatformException.notFound(new Words(
                        "技能课程表 " + level + "/" + jobType + " 不存在（平台运营人员只开设 L5 至 L3 级培训）。",
                        "Skill course table " + level + "/" + jobType
                                + " (platform operators are trained at levels L5 to L3 only) does not exist.")));
    }

    /** A table's assessment blueprints of section 2.3: theory and practical (the basic course has a theory blueprint only). */
    @Transactional
    public CatalogueViews.Blueprints blueprints(Level level, JobType jobType) {
        table(level, jobType);
        Edition e = current();
        return new CatalogueViews.Blueprints(
                CatalogueViews.Blueprint.of(e.blueprints().stream()
                                .filter(b -> b.level() == level && b.jobType() == jobType)
                                .toList())
                        .stream()
                        .findFirst()
                        .orElse(null),
                CatalogueViews.PracticalBlueprint.of(e.practicals().stream()
                                .filter(p -> p.level() == level && p.jobType() == jobType)
                                .toList())
                        .stream()
                        .findFirst()
                        .orElse(null));
    }

    @Transactional
    public CatalogueViews.UnitDetail unit(long id) {
        LearningUnit u = em.find(LearningUnit.class, id);
        if (u == null) {
            throw PlatformException.notFound(new Words("学习单元", "Learning unit"), id);
        }
        return CatalogueViews.UnitDetail.of(u);
    }

    @Transactional
    public CatalogueViews.Export export() {
        Edition e = current();
        return new CatalogueViews.Export(
                e.code(),
                e.contentHash(),
                e.allocation().stream().map(CatalogueViews.Allocation::of).toList(),
                e.tables().stream().map(CatalogueViews.Table::of).toList(),
                CatalogueViews.Blueprint.of(e.blueprints()),
                CatalogueViews.PracticalBlueprint.of(e.practicals()),
                e.specs().stream()
                        .map(s -> CatalogueViews.Specification.of(s, e.methods()))
                        .toList(),
                e.requirements().stream().map(CatalogueViews.Requirements::of).toList());
    }

    @Transactional
    public List<CatalogueViews.Discrepancy> integrity() {
        return current().discrepancies().stream()
                .map(CatalogueViews.Discrepancy::of)
                .toList();
    }

    /**
     * Sections 1.1.3 (how plans are composed) and 1.3.1 (who may teach, how many teachers) of an edition; an edition
     * imported before they were data takes them from the latest edition that has them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PackageData.Rules rules(Edition edition) {
        return rules.computeIfAbsent(
                edition.id(),
                id -> PackageData.rules(
                        edition.rulesJson() != null
                                ? edition.rulesJson()
                                : em.createQuery(
                                                "SELECT e.rules FROM Edition e WHERE e.rules IS NOT NULL ORDER BY e.id DESC",
                                                String.class)
                                        .setMaxResults(1)
                                        .getResultStream()
                                        .findFirst()
                                        .orElseThrow(() -> PlatformException.unavailable(
                                                "Catalogue",
                                                new Words(
                                                        "培训包目录中缺少 1.1.3 与 1.3.1 节的规则，请管理员重新导入培训包。",
                                                        "No edition holds the rules of sections 1.1.3 and 1.3.1.")))));
    }

    /** Parsed rules by edition id: an edition never changes once imported. */
    private final Map<Long, PackageData.Rules> rules = new ConcurrentHashMap<>();

    /** The edition imported last; plans are composed from it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Edition current() {
        return em.createQuery("SELECT e FROM Edition e ORDER BY e.id DESC", Edition.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> PlatformException.unavailable(
                        "Catalogue",
                        new Words("尚未导入培训包，请管理员先导入。", "No edition of the training package is imported yet.")));
    }
}
