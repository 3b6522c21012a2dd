package cn.imtp.lms.catalogue.control;

import cn.imtp.lms.catalogue.entity.AllocationEntry;
import cn.imtp.lms.catalogue.entity.CatalogueCourse;
import cn.imtp.lms.catalogue.entity.CatalogueModule;
import cn.imtp.lms.catalogue.entity.CatalogueTable;
import cn.imtp.lms.catalogue.entity.DiscrepancyEntry;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.LearningUnit;
import cn.imtp.lms.catalogue.entity.Level;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/** What the catalogue API answers; {@code level} and {@code jobType} are null for the basic course and are always present. */
public final class CatalogueViews {

    private CatalogueViews() {
    }

    @JsonbPropertyOrder({"level", "basicHours", "skillHours", "otherHours", "totalHours"})
    public record Allocation(Level level, int basicHours, int skillHours, int otherHours, int totalHours) {
        static Allocation of(AllocationEntry a) {
            return new Allocation(a.level(), a.basicHours(), a.skillHours(), a.otherHours(), a.totalHours());
        }
    }

    @JsonbNillable
    @JsonbPropertyOrder({"id", "seq", "name", "hours", "seedLine"})
    public record Unit(long id, Integer seq, String name, int hours, int seedLine) {
        static Unit of(LearningUnit u) {
            return new Unit(u.id(), u.seq(), u.name(), u.hours(), u.seedLine());
        }
    }

    @JsonbPropertyOrder({"code", "name", "units"})
    public record Course(String code, String name, List<Unit> units) {
        static Course of(CatalogueCourse c) {
            return new Course(c.code(), c.name(), c.units().stream().map(Unit::of).toList());
        }
    }

    @JsonbPropertyOrder({"code", "name", "courses"})
    public record Module(String code, String name, List<Course> courses) {
        static Module of(CatalogueModule m) {
            return new Module(m.code(), m.name(), m.courses().stream().map(Course::of).toList());
        }
    }

    @JsonbNillable
    @JsonbPropertyOrder({"level", "jobType", "title", "statedTotalHours", "unitHours", "seedLines", "modules"})
    public record Table(Level level, JobType jobType, String title, int statedTotalHours, int unitHours, String seedLines,
                        List<Module> modules) {
        static Table of(CatalogueTable t) {
            return new Table(t.level(), t.jobType(), t.title(), t.statedTotalHours(), t.unitHours(), t.seedLines(),
                    t.modules().stream().map(Module::of).toList());
        }
    }

    @JsonbNillable
    @JsonbPropertyOrder({"level", "jobType", "title", "statedTotalHours", "unitHours"})
    public record TableSummary(Level level, JobType jobType, String title, int statedTotalHours, int unitHours) {
        static TableSummary of(CatalogueTable t) {
            return new TableSummary(t.level(), t.jobType(), t.title(), t.statedTotalHours(), t.unitHours());
        }
    }

    @JsonbPropertyOrder({"edition", "importedAt", "hoursAllocation", "tables"})
    public record Summary(String edition, Instant importedAt, List<Allocation> hoursAllocation, List<TableSummary> tables) {
    }

    @JsonbPropertyOrder({"edition", "contentHash", "hoursAllocation", "tables", "assessment"})
    public record Export(String edition, String contentHash, List<Allocation> hoursAllocation, List<Table> tables,
                        List<Object> assessment) {
    }

    @JsonbNillable
    @JsonbPropertyOrder({"section", "level", "jobType", "kind", "message", "seedLines"})
    public record Discrepancy(String section, Level level, JobType jobType, String kind, String message, String seedLines) {
        static Discrepancy of(DiscrepancyEntry d) {
            return new Discrepancy(d.section(), d.level(), d.jobType(), d.kind(), d.message(), d.seedLines());
        }
    }

    /** A unit with where it sits: table, module and course. */
    @JsonbNillable
    @JsonbPropertyOrder({"id", "seq", "name", "hours", "seedLine", "level", "jobType", "tableTitle", "module", "course"})
    public record UnitDetail(long id, Integer seq, String name, int hours, int seedLine, Level level, JobType jobType,
                             String tableTitle, String module, String course) {
        static UnitDetail of(LearningUnit u) {
            CatalogueCourse c = u.course();
            CatalogueModule m = c.module();
            CatalogueTable t = m.table();
            return new UnitDetail(u.id(), u.seq(), u.name(), u.hours(), u.seedLine(), t.level(), t.jobType(), t.title(),
                    m.code() + " " + m.name(), c.code() + " " + c.name());
        }
    }
}
