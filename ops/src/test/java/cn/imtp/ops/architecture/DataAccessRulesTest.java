package cn.imtp.ops.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.ops.architecture.Sources.JavaFile;
import cn.imtp.ops.architecture.Sources.War;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The data-access rules of ARCHITECTURE.md read from the sources: rows are never read by position, and a SQL string
 * names only its own feature's tables unless ARCHITECTURE.md lists the exception with its reason.
 */
class DataAccessRulesTest {

    /**
     * Where SQL writes a table (or locks its rows for writing), in capitals as every SQL string here is written (so that
     * "from lesson" in an English message is not taken for SQL).
     */
    private static final Pattern SQL_WRITE = Pattern.compile(
            "\\b(?:INSERT(?:\\s+IGNORE)?\\s+INTO|REPLACE\\s+INTO|UPDATE|DELETE\\s+FROM|TRUNCATE(?:\\s+TABLE)?|ALTER\\s+TABLE)\\s+`?([a-z][a-z0-9_]*)");
    /** Where SQL reads a table. */
    private static final Pattern SQL_READ = Pattern.compile("\\b(?:FROM|JOIN)\\s+`?([a-z][a-z0-9_]*)");
    /** A table mapped by an entity or written through {@code Bulk.insert}: the owner's. */
    private static final Pattern MAPPED = Pattern.compile(
            "(?:@(?:Table|JoinTable|CollectionTable|SecondaryTable)\\(\\s*name\\s*=\\s*|\\.insert\\(\\s*)\"([a-z][a-z0-9_]*)\"");

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?`?([a-z][a-z0-9_]*)");
    private static final Pattern OWNERSHIP_ROW =
            Pattern.compile("^\\|\\s*`((?:lms|media)\\.[a-z]+)`\\s*\\|(.*)\\|\\s*$");
    private static final Pattern READ_MODEL_ROW =
            Pattern.compile("^\\|\\s*`((?:lms|media)\\.[a-z]+)`\\s*\\|(.*?)\\|\\s*(.+?)\\s*\\|\\s*$");
    private static final Pattern EXCEPTION_ROW =
            Pattern.compile("^\\|\\s*`([a-zA-Z/]+)`\\s*\\|\\s*`([a-z0-9_]+)`\\s*\\|\\s*(.+?)\\s*\\|\\s*$");
    private static final Pattern BACKTICKED = Pattern.compile("`([a-z0-9_]+)`");

    /** A source of {@code owner} that names another feature's {@code table}, to write it or (only) to read it. */
    record Use(String shortName, String owner, String table, boolean writes) {}

    @Test
    void noSourceReadsRowsAsObjectArrays() {
        List<String> found = new ArrayList<>();
        for (War war : War.values()) {
            for (JavaFile f : Sources.javaFiles(war)) {
                String[] lines = Sources.code(f.text()).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].matches(".*\\bObject\\s*\\[\\s*\\].*")) {
                        found.add(war.module + "/" + f.shortName() + ".java:" + (i + 1) + ": " + lines[i].trim());
                    }
                }
            }
        }
        assertEquals(
                List.of(),
                found,
                "rows are read by column name into named records, never as Object[] (ARCHITECTURE.md, Data access)");
    }

    @Test
    void noSourceReadsAJdbcColumnByPosition() {
        Pattern byPosition = Pattern.compile(
                "\\.get(?:Long|Int|String|Timestamp|Boolean|Double|Object|Bytes|BigDecimal|Short|Float|Date)\\(\\s*\\d+\\s*[,)]");
        List<String> found = new ArrayList<>();
        for (War war : War.values()) {
            for (JavaFile f : Sources.javaFiles(war)) {
                String[] lines = Sources.code(f.text()).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (byPosition.matcher(lines[i]).find()) {
                        found.add(war.module + "/" + f.shortName() + ".java:" + (i + 1) + ": " + lines[i].trim());
                    }
                }
            }
        }
        assertEquals(
                List.of(),
                found,
                "a row's columns are read by name, e.g. r.getLong(\"owner_id\") (ARCHITECTURE.md, Data access)");
    }

    @Test
    void everyTableHasExactlyOneOwningFeatureThatExists() throws IOException {
        Map<String, String> owners = owners();
        for (War war : War.values()) {
            Set<String> features = new TreeSet<>();
            Sources.javaFiles(war).forEach(f -> features.add(f.feature()));
            for (String table : createdTables(war)) {
                String owner = owners.get(table);
                assertTrue(
                        owner != null,
                        "table " + table + " of " + war.module + " has no owner in ARCHITECTURE.md's Table ownership");
                assertTrue(
                        owner.startsWith(war.prefix + "."),
                        "table " + table + " belongs to " + war.module + " but ARCHITECTURE.md gives it to " + owner);
                assertTrue(
                        features.contains(owner.substring(war.prefix.length() + 1)),
                        "owner " + owner + " of " + table + " is not a package of " + war.module);
            }
        }
        Set<String> created = new TreeSet<>();
        for (War war : War.values()) {
            created.addAll(createdTables(war));
        }
        Set<String> stale = new TreeSet<>(owners.keySet());
        stale.removeAll(created);
        assertEquals(Set.of(), stale, "ARCHITECTURE.md names tables no migration creates");
    }

    @Test
    void aSqlStringNamesOnlyItsOwnFeaturesTablesOrAPublishedReadModelOrAListedException() {
        Map<String, String> owners = owners();
        Set<String> readModels = readModels(owners, "### Read models");
        Set<String> crossWar = readModels(owners, "### Read models across the WARs");
        readModels.addAll(crossWar);
        Map<String, String> exceptions = exceptions();
        List<String> hidden = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        for (War war : War.values()) {
            for (JavaFile f : Sources.javaFiles(war)) {
                for (Use use : foreignTables(f, owners)) {
                    String key = use.shortName() + " " + use.table();
                    if (exceptions.containsKey(key)) {
                        used.add(key);
                    } else if (use.writes()
                            || !readModels.contains(use.table())
                            || !owners.get(use.table()).startsWith(war.prefix + ".")
                                    && !crossWar.contains(use.table())) {
                        hidden.add(war.module + "/" + use.shortName() + " (" + use.owner() + ") "
                                + (use.writes() ? "writes " : "reads ") + use.table() + " of "
                                + owners.get(use.table()));
                    }
                }
            }
        }
        assertEquals(
                List.of(),
                hidden,
                "a feature calls the owner of a table instead of naming it in SQL (reading a published read model is"
                        + " allowed); or list it under Exceptions in ARCHITECTURE.md with the reason");
        Set<String> unused = new TreeSet<>(exceptions.keySet());
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "ARCHITECTURE.md lists exceptions no source needs any more: remove them");
    }

    @Test
    void theScannerTellsWritesFromReadsInConcatenatedSqlAndIgnoresCommentsAndMessages() {
        String source = """
                @Table(name = "live_session")
                class X {
                    // SELECT * FROM account: a comment is not SQL
                    String a = "SELECT a.username FROM class_learner cl" + " JOIN account a ON a.id = cl.learner_id";
                    char q = '"';
                    String b = "UPDATE lesson SET ended_at = ?";
                    String c = "Come back from lesson to lesson.";
                    @Column(name = "account_id") long account;
                    Object[] row;
                }
                """;
        JavaFile file =
                new JavaFile(War.LMS, "attendance", War.LMS.javaRoot().resolve("attendance/control/X.java"), source);
        Map<String, String> owners = Map.of(
                "account",
                "lms.identity",
                "class_learner",
                "lms.cohort",
                "live_session",
                "lms.live",
                "lesson",
                "lms.cohort");
        assertEquals(
                List.of(
                        new Use("attendance/control/X", "lms.attendance", "account", false),
                        new Use("attendance/control/X", "lms.attendance", "class_learner", false),
                        new Use("attendance/control/X", "lms.attendance", "lesson", true),
                        new Use("attendance/control/X", "lms.attendance", "live_session", true)),
                foreignTables(file, owners));
        assertTrue(Sources.code(source).contains("Object[] row"));
        assertFalse(Sources.code(source).contains("FROM account"));
    }

    /**
     * The tables of other features a source names in its SQL strings, entity mappings or {@code Bulk.insert} calls, each
     * once, in table order; a table the source writes anywhere counts as written. A string holding {@code FOR UPDATE}
     * writes (locks) every table it reads.
     */
    static List<Use> foreignTables(JavaFile f, Map<String, String> owners) {
        Map<String, Boolean> named = new java.util.TreeMap<>();
        Matcher mapped = MAPPED.matcher(f.text());
        while (mapped.find()) {
            named.put(mapped.group(1), true);
        }
        for (String literal : Sources.stringLiterals(f.text())) {
            boolean locks = literal.contains("FOR UPDATE");
            Matcher w = SQL_WRITE.matcher(literal);
            while (w.find()) {
                named.put(w.group(1), true);
            }
            Matcher r = SQL_READ.matcher(literal);
            while (r.find()) {
                named.merge(r.group(1), locks, Boolean::logicalOr);
            }
        }
        return named.entrySet().stream()
                .filter(e -> owners.containsKey(e.getKey())
                        && !owners.get(e.getKey()).equals(f.owner()))
                .map(e -> new Use(f.shortName(), f.owner(), e.getKey(), e.getValue()))
                .toList();
    }

    static Set<String> createdTables(War war) throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(war.migrations())) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Matcher m = CREATE_TABLE.matcher(Sources.read(p));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    /** ARCHITECTURE.md's Table ownership: table → {@code lms.identity}, each table once. */
    static Map<String, String> owners() {
        Map<String, String> owners = new LinkedHashMap<>();
        for (String line : section("### Table ownership")) {
            Matcher row = OWNERSHIP_ROW.matcher(line);
            if (row.matches()) {
                Matcher t = BACKTICKED.matcher(row.group(2));
                while (t.find()) {
                    String before = owners.put(t.group(1), row.group(1));
                    assertTrue(
                            before == null,
                            "ARCHITECTURE.md gives " + t.group(1) + " to both " + before + " and " + row.group(1));
                }
            }
        }
        assertFalse(owners.isEmpty(), "ARCHITECTURE.md has no Table ownership rows");
        return owners;
    }

    /**
     * A Read models section of ARCHITECTURE.md: tables other features may read (never write), each with its owner and
     * why. Those under "Read models" are for the owner's own WAR; the other WAR reads only those "across the WARs".
     */
    static Set<String> readModels(Map<String, String> owners, String heading) {
        Set<String> tables = new TreeSet<>();
        for (String line : section(heading)) {
            Matcher row = READ_MODEL_ROW.matcher(line);
            if (row.matches()) {
                Matcher t = BACKTICKED.matcher(row.group(2));
                while (t.find()) {
                    assertEquals(
                            row.group(1),
                            owners.get(t.group(1)),
                            "ARCHITECTURE.md's read model " + t.group(1) + " is published by its owner");
                    tables.add(t.group(1));
                }
                assertTrue(row.group(3).length() > 20, "the read model of " + row.group(1) + " needs its reason");
            }
        }
        return tables;
    }

    /** ARCHITECTURE.md's Exceptions: "class table" → why (a reason is required). */
    static Map<String, String> exceptions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : section("### Exceptions")) {
            Matcher row = EXCEPTION_ROW.matcher(line);
            if (row.matches()) {
                assertTrue(
                        row.group(3).length() > 20,
                        "the exception " + row.group(1) + " / " + row.group(2) + " needs its reason");
                out.put(row.group(1) + " " + row.group(2), row.group(3));
            }
        }
        return out;
    }

    private static List<String> section(String heading) {
        List<String> lines = Arrays.asList(
                Sources.read(Sources.root().resolve("ARCHITECTURE.md")).split("\n"));
        int start = lines.indexOf(heading);
        assertTrue(start >= 0, "ARCHITECTURE.md has no section " + heading);
        List<String> out = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            out.add(line);
        }
        return out;
    }
}
