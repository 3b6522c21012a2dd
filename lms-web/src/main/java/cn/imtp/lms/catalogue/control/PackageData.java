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

    /** One edition as its files say, with the SHA-256 of those files in order. */
    public record Edition(String code, String title, String source, String contentHash, AllocationFile allocation,
                          List<TableFile> tables, List<BlueprintFile> blueprints, List<PracticalFile> practicals) {
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
                for (String file : source.files()) {
                    byte[] content = bytes(loader, ROOT + source.code() + "/" + file);
                    sha.update(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update(content);
                    if (file.startsWith("1.1.1-")) {
                        allocation = jsonb.fromJson(new ByteArrayInputStream(content), AllocationFile.class);
                    } else if (file.startsWith("2.3.") && file.contains("-practical-")) {
                        practicals.add(jsonb.fromJson(new ByteArrayInputStream(content), PracticalFile.class));
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
                        HexFormat.of().formatHex(sha.digest()), allocation, tables, blueprints, practicals));
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
