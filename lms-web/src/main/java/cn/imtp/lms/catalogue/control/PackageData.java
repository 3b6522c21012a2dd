package cn.imtp.lms.catalogue.control;

import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The data files of {@code training-package/} in the resources module, as records. Pure reading, no database. */
public final class PackageData {

    public record EditionIndex(List<EditionSource> editions) {}

    public record EditionSource(String code, String title, String source, List<String> files) {}

    public record AllocationFile(String section, String title, List<Integer> seedLines, List<AllocationRow> rows) {}

    public record AllocationRow(Level level, int basicHours, int skillHours, int otherHours, int totalHours) {}

    public record TableFile(
            String section,
            Level level,
            JobType jobType,
            String title,
            int statedTotalHours,
            List<Integer> seedLines,
            List<ModuleData> modules) {

        public int unitHours() {
            return modules.stream()
                    .flatMap(m -> m.courses().stream())
                    .flatMap(c -> c.units().stream())
                    .mapToInt(UnitData::hours)
                    .sum();
        }
    }

    public record ModuleData(String code, String name, List<CourseData> courses) {}

    public record CourseData(String code, String name, List<UnitData> units) {}

    public record UnitData(Integer seq, String name, int hours, int seedLine) {}

    /** A theory-exam blueprint of section 2.3: module and course weights (%) and the assessed units. */
    public record BlueprintFile(
            String section,
            String kind,
            Level level,
            JobType jobType,
            String title,
            List<Integer> seedLines,
            List<BlueprintModule> modules) {}

    /**
     * A practical-exam blueprint of section 2.3 (操作技能考核规范): per module its weight, per content (named like
     * the courses of 1.1.2) its weight, form (实操 hands-on or 笔试 written), selection (必考 or 选考), minutes and
     * importance (X core, Y general), as the seed writes them.
     */
    public record PracticalFile(
            String section,
            String kind,
            Level level,
            JobType jobType,
            String title,
            List<Integer> seedLines,
            List<PracticalModule> modules) {}

    public record PracticalModule(
            String code, String name, int weight, int seedLine, List<PracticalContent> contents) {}

    public record PracticalContent(
            String code,
            String name,
            int weight,
            String form,
            String selection,
            int minutes,
            String importance,
            int seedLine) {}

    public record BlueprintModule(String code, String name, int weight, int seedLine, List<BlueprintCourse> courses) {}

    public record BlueprintCourse(String code, String name, int weight, int seedLine, List<BlueprintUnit> units) {}

    public record BlueprintUnit(Integer seq, String name, int seedLine) {}

    /**
     * A course specification of section 2.2 (培训课程规范): per learning unit, as 2.2 lists them, its content outline,
     * teaching methods, key and difficult points and class hours. Module, course and unit names are 2.2's own.
     */
    public record SpecFile(
            String section,
            Level level,
            JobType jobType,
            String title,
            List<Integer> seedLines,
            List<SpecModule> modules) {}

    public record SpecModule(String code, String name, List<SpecCourse> courses) {}

    /** {@code codeAsPrinted} is set only where the seed prints the course code otherwise (e.g. "2.2" for 2-2). */
    public record SpecCourse(String code, String codeAsPrinted, String name, List<SpecUnit> units) {}

    public record SpecUnit(
            Integer seq,
            String name,
            int hours,
            List<SpecContent> content,
            String methods,
            List<KeyPoint> keyPoints,
            int seedLine) {}

    /** One numbered item of a unit's content outline (1）…) with its points (①…). */
    public record SpecContent(String text, List<String> points) {}

    /** A key or difficult point; {@code label} is the seed's (重点, 难点, 重点与难点 …), null where the seed prints none. */
    public record KeyPoint(String label, String text) {}

    /**
     * Training requirements of section 2.1 (培训要求): per module and training content (named like the courses of 1.1.2)
     * its skill targets (技能目标, e.g. 1-1-1 能…) with their training items (培训细目); the basic course's contents have
     * training items only.
     */
    public record RequirementsFile(
            String section,
            Level level,
            JobType jobType,
            String title,
            List<Integer> seedLines,
            List<RequirementModule> modules) {}

    public record RequirementModule(String code, String name, int seedLine, List<RequirementContent> contents) {}

    /** {@code targets} is null for the basic course, {@code items} null for a skill course. */
    public record RequirementContent(
            String code, String name, int seedLine, List<SkillTarget> targets, List<String> items) {}

    public record SkillTarget(String code, String text, List<String> items, int seedLine) {}

    /**
     * Section 1.3.1 (师资配备要求): who may teach which levels (a certificate of at least a level, held for some years,
     * or a professional title of at least a grade, INTERMEDIATE or SENIOR) and how many teachers of each duty a class
     * needs (at least {@code atLeast}, and one per {@code learnersPerTeacher} learners), with the seed's words.
     */
    public record TeacherRequirementsFile(
            String section,
            String title,
            List<Integer> seedLines,
            List<TeacherQualification> qualifications,
            List<Staffing> staffing) {

        public TeacherQualification qualificationFor(Level level) {
            return qualifications.stream()
                    .filter(q -> q.levels().contains(level))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("section 1.3.1 names no qualification for " + level));
        }
    }

    public record TeacherQualification(
            List<Level> levels,
            Level certificateAtLeast,
            int certificateHeldYears,
            String titleAtLeast,
            String text,
            int seedLine) {}

    /**
     * Section 1.1.3 (培训课程选择指导): the basic course is mandatory; per kind of plan (NEW_ENTRANT, UPGRADE,
     * EXPERIENCED, ORDER_TRAINING) the level it must start at (null: any), whether it takes the whole table of its level
     * and job type, and whether its skill units come from that table only (higher levels cover lower ones) or may be
     * picked freely, with the seed's words.
     */
    public record CourseSelectionFile(
            String section,
            String title,
            List<Integer> seedLines,
            BasicCourseRule basicCourse,
            SectionText skillCourses,
            List<PlanKindRule> kinds) {

        public PlanKindRule ruleFor(String kind) {
            return kinds.stream()
                    .filter(k -> k.kind().equals(kind))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("section 1.1.3 names no rule for plans of kind " + kind));
        }
    }

    public record BasicCourseRule(boolean mandatory, String text, int seedLine) {}

    /** A sentence of the seed that no rule reads but the section says, with the line where it begins. */
    public record SectionText(String text, int seedLine) {}

    public record PlanKindRule(
            String kind, Level startLevel, boolean wholeTable, boolean ownTableOnly, String text, int seedLine) {}

    /** The rules that plans and classes read from an edition: sections 1.1.3 and 1.3.1. */
    public record Rules(CourseSelectionFile courseSelection, TeacherRequirementsFile teachers) {}

    /** {@code duty} is THEORY (理论课教师) or PRACTICAL (实习指导教师). */
    public record Staffing(String duty, int atLeast, int learnersPerTeacher, String text, int seedLine) {}

    /** Section 2.2.7 (培训建议中培训方法说明): the teaching methods that the course specifications name. */
    public record MethodsFile(String section, String title, List<Integer> seedLines, List<MethodData> methods) {}

    public record MethodData(String code, String name, String description, int seedLine) {}

    /**
     * {@code provenance.json}: where the drafting of section 2.2 put a piece of text elsewhere than the PDF
     * extraction's line order says, and why (see {@link ProvenanceEntry}).
     */
    public record ProvenanceFile(String title, List<ProvenanceEntry> entries) {}

    /**
     * One piece of text put back where the seed's layout shows it belongs. {@code kind} PAGE_BREAK: {@code text}, printed
     * after the page header at {@code pageHeaderLine}, would by line order continue content item {@code otherIndex}
     * (0-based) but is the rest of key point {@code index}, cut at the foot of the page. {@code kind} LONE_CHARACTER: a
     * line of one character that could end the methods ({@code otherField}) but completes key point {@code index} to the
     * unit's name or a content item. {@code seedLines}: first and last line of {@code text}.
     */
    public record ProvenanceEntry(
            String kind,
            String section,
            Level level,
            JobType jobType,
            String course,
            Integer seq,
            String unit,
            String text,
            String field,
            int index,
            String otherField,
            Integer otherIndex,
            List<Integer> seedLines,
            Integer pageHeaderLine) {}

    /** One edition as its files say, with the SHA-256 of those files in order; {@code methods} is null in an edition without 2.2.7. */
    public record Edition(
            String code,
            String title,
            String source,
            String contentHash,
            AllocationFile allocation,
            List<TableFile> tables,
            List<BlueprintFile> blueprints,
            List<PracticalFile> practicals,
            List<SpecFile> specs,
            MethodsFile methods,
            List<RequirementsFile> requirements,
            TeacherRequirementsFile teachers,
            CourseSelectionFile courseSelection,
            List<ProvenanceEntry> provenance) {}

    private static final String ROOT = "training-package/";

    private PackageData() {}

    public static List<Edition> readAll(ClassLoader loader) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            EditionIndex index =
                    jsonb.fromJson(new ByteArrayInputStream(bytes(loader, ROOT + "editions.json")), EditionIndex.class);
            List<Edition> editions = new ArrayList<>();
            for (EditionSource source : index.editions()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                AllocationFile allocation = null;
                List<TableFile> tables = new ArrayList<>();
                List<BlueprintFile> blueprints = new ArrayList<>();
                List<PracticalFile> practicals = new ArrayList<>();
                List<SpecFile> specs = new ArrayList<>();
                MethodsFile methods = null;
                List<RequirementsFile> requirements = new ArrayList<>();
                TeacherRequirementsFile teachers = null;
                CourseSelectionFile courseSelection = null;
                List<ProvenanceEntry> provenance = new ArrayList<>();
                for (String file : source.files()) {
                    byte[] content = bytes(loader, ROOT + source.code() + "/" + file);
                    sha.update(file.getBytes(StandardCharsets.UTF_8));
                    sha.update(content);
                    if (file.startsWith("1.1.1-")) {
                        allocation = jsonb.fromJson(new ByteArrayInputStream(content), AllocationFile.class);
                    } else if (file.startsWith("2.3.") && file.contains("-practical-")) {
                        practicals.add(jsonb.fromJson(new ByteArrayInputStream(content), PracticalFile.class));
                    } else if (file.equals("provenance.json")) {
                        provenance.addAll(jsonb.fromJson(new ByteArrayInputStream(content), ProvenanceFile.class)
                                .entries());
                    } else if (file.startsWith("1.1.3-")) {
                        courseSelection = jsonb.fromJson(new ByteArrayInputStream(content), CourseSelectionFile.class);
                    } else if (file.startsWith("1.3.1-")) {
                        teachers = jsonb.fromJson(new ByteArrayInputStream(content), TeacherRequirementsFile.class);
                    } else if (file.startsWith("2.1.") && file.contains("-requirements-")) {
                        requirements.add(jsonb.fromJson(new ByteArrayInputStream(content), RequirementsFile.class));
                    } else if (file.startsWith("2.2.7-")) {
                        methods = jsonb.fromJson(new ByteArrayInputStream(content), MethodsFile.class);
                    } else if (file.startsWith("2.2.") && file.contains("-spec-")) {
                        specs.add(jsonb.fromJson(new ByteArrayInputStream(content), SpecFile.class));
                    } else if (file.startsWith("2.3.")) {
                        blueprints.add(jsonb.fromJson(new ByteArrayInputStream(content), BlueprintFile.class));
                    } else {
                        tables.add(jsonb.fromJson(new ByteArrayInputStream(content), TableFile.class));
                    }
                }
                if (allocation == null) {
                    throw new IllegalStateException(
                            "edition " + source.code() + " has no hours allocation table (1.1.1)");
                }
                editions.add(new Edition(
                        source.code(),
                        source.title(),
                        source.source(),
                        HexFormat.of().formatHex(sha.digest()),
                        allocation,
                        tables,
                        blueprints,
                        practicals,
                        specs,
                        methods,
                        requirements,
                        teachers,
                        courseSelection,
                        List.copyOf(provenance)));
            }
            return editions;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the training package data: " + e.getMessage(), e);
        }
    }

    /** Sections 1.1.3 and 1.3.1 as an edition stores them (JSON of {@link Rules}). */
    public static Rules rules(String json) {
        return READER.fromJson(json, Rules.class);
    }

    private static final Jsonb READER = JsonbBuilder.create();

    private static byte[] bytes(ClassLoader loader, String name) throws IOException {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the resources module");
            }
            return in.readAllBytes();
        }
    }
}
