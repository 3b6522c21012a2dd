package cn.imtp.lms.catalogue.control;

import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The data files of {@code training-package/} in the resources module, as records. Pure reading, no database. */
public final class PackageData {

    public record EditionIndex(List<EditionSource> editions) {
    }

    public record EditionSource(String code, String title, String source, List<String> files) {
    }

    public record AllocationFile(String section, String title, List<Integer> seedLines, List<AllocationRow> rows) {
    }

    public record AllocationRow(Level level, int basicHours, int skillHours, int otherHours, int totalHours) {
    }

    public record TableFile(String section, Level level, JobType jobType, String title, int statedTotalHours,
                            List<Integer> seedLines, List<ModuleData> modules) {

        public int unitHours() {
            return modules.stream().flatMap(m -> m.courses().stream()).flatMap(c -> c.units().stream())
                    .mapToInt(UnitData::hours).sum();
        }
    }

    public record ModuleData(String code, String name, List<CourseData> courses) {
    }

    public record CourseData(String code, String name, List<UnitData> units) {
    }

    public record UnitData(Integer seq, String name, int hours, int seedLine) {
    }

    /** A theory-exam blueprint of section 2.3: module and course weights (%) and the assessed units. */
    public record BlueprintFile(String section, String kind, Level level, JobType jobType, String title, List<Integer> seedLines,
                                List<BlueprintModule> modules) {
    }

    /**
     * A practical-exam blueprint of section 2.3 (操作技能考核规范): per module its weight, per content (named like
     * the courses of 1.1.2) its weight, form (实操 hands-on or 笔试 written), selection (必考 or 选考), minutes and
     * importance (X core, Y general), as the seed writes them.
     */
    public record PracticalFile(String section, String kind, Level level, JobType jobType, String title, List<Integer> seedLines,
                                List<PracticalModule> modules) {
    }

    public record PracticalModule(String code, String name, int weight, int seedLine, List<PracticalContent> contents) {
    }

    public record PracticalContent(String code, String name, int weight, String form, String selection, int minutes, String importance,
                                   int seedLine) {
    }

    public record BlueprintModule(String code, String name, int weight, int seedLine, List<BlueprintCourse> courses) {
    }

    public record BlueprintCourse(String code, String name, int weight, int seedLine, List<BlueprintUnit> units) {
    }

    public record BlueprintUnit(Integer seq, String name, int seedLine) {
    }

    /**
     * A course specification of section 2.2 (培训课程规范): per learning unit, as 2.2 lists them, its content outline,
     * teaching methods, key and difficult points and class hours. Module, course and unit names are 2.2's own.
     */
    public record SpecFile(String section, Level level, JobType jobType, String title, List<Integer> seedLines, List<SpecModule> modules) {
    }

    public record SpecModule(String code, String name, List<SpecCourse> courses) {
    }

    /** {@code codeAsPrinted} is set only where the seed prints the course code otherwise (e.g. "2.2" for 2-2). */
    public record SpecCourse(String code, String codeAsPrinted, String name, List<SpecUnit> units) {
    }

    public record SpecUnit(Integer seq, String name, int hours, List<SpecContent> content, String methods, List<KeyPoint> keyPoints,
                           int seedLine) {
    }

    /** One numbered item of a unit's content outline (1）…) with its points (①…). */
    public record SpecContent(String text, List<String> points) {
    }

    /** A key or difficult point; {@code label} is the seed's (重点, 难点, 重点与难点 …), null where the seed prints none. */
    public record KeyPoint(String label, String text) {
    }

    /** Section 2.2.7 (培训建议中培训方法说明): the teaching methods that the course specifications name. */
    public record MethodsFile(String section, String title, List<Integer> seedLines, List<MethodData> methods) {
    }

    public record MethodData(String code, String name, String description, int seedLine) {
    }

    /** One edition as its files say, with the SHA-256 of those files in order; {@code methods} is null in an edition without 2.2.7. */
    public record Edition(String code, String title, String source, String contentHash, AllocationFile allocation,
                          List<TableFile> tables, List<BlueprintFile> blueprints, List<PracticalFile> practicals, List<SpecFile> specs,
                          MethodsFile methods) {
    }

    private static final String ROOT = "training-package/";

    private PackageData() {
    }

    public static List<Edition> readAll(ClassLoader loader) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            EditionIndex index = jsonb.fromJson(new ByteArrayInputStream(bytes(loader, ROOT + "editions.json")), EditionIndex.class);
            List<Edition> editions = new ArrayList<>();
            for (EditionSource source : index.editions()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                AllocationFile allocation = null;
                List<TableFile> tables = new ArrayList<>();
                List<BlueprintFile> blueprints = new ArrayList<>();
                List<PracticalFile> practicals = new ArrayList<>();
                List<SpecFile> specs = new ArrayList<>();
                MethodsFile methods = null;
                for (String file : source.files()) {
                    byte[] content = bytes(loader, ROOT + source.code() + "/" + file);
                    sha.update(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update(content);
                    if (file.startsWith("1.1.1-")) {
                        allocation = jsonb.fromJson(new ByteArrayInputStream(content), AllocationFile.class);
                    } else if (file.startsWith("2.3.") && file.contains("-practical-")) {
                        practicals.add(jsonb.fromJson(new ByteArrayInputStream(content), PracticalFile.class));
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
                    throw new IllegalStateException("edition " + source.code() + " has no hours allocation table (1.1.1)");
                }
                editions.add(new Edition(source.code(), source.title(), source.source(),
                        HexFormat.of().formatHex(sha.digest()), allocation, tables, blueprints, practicals, specs, methods));
            }
            return editions;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the training package data: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(ClassLoader loader, String name) throws IOException {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the resources module");
            }
            return in.readAllBytes();
        }
    }
}
