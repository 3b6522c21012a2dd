package cn.imtp.ops.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The project's own files as the architecture tests read them: sources, migrations and ARCHITECTURE.md. */
final class Sources {

    /** The WARs whose code the rules cover, by module folder and root package. */
    enum War {
        LMS("lms-web", "cn.imtp.lms", "lms"),
        MEDIA("media-service", "cn.imtp.media", "media");

        final String module;
        final String rootPackage;
        /** How ARCHITECTURE.md names this WAR's features: {@code lms.identity}, {@code media.asset}. */
        final String prefix;

        War(String module, String rootPackage, String prefix) {
            this.module = module;
            this.rootPackage = rootPackage;
            this.prefix = prefix;
        }

        Path javaRoot() {
            return root().resolve(module).resolve("src/main/java").resolve(rootPackage.replace('.', '/'));
        }

        Path classes() {
            return root().resolve(module).resolve("target/classes");
        }

        Path migrations() {
            return root().resolve(module)
                    .resolve("src/main/resources/db/migration")
                    .resolve(prefix);
        }
    }

    /** A main source file of a WAR with the feature (top-level package) it belongs to. */
    record JavaFile(War war, String feature, Path path, String text) {

        /** {@code asset/control/Assets}: how ARCHITECTURE.md names a class. */
        String shortName() {
            String relative = war.javaRoot().relativize(path).toString().replace('\\', '/');
            return relative.substring(0, relative.length() - ".java".length());
        }

        /** {@code media.asset}. */
        String owner() {
            return war.prefix + "." + feature;
        }
    }

    private Sources() {}

    /** The project's root: the folder with ARCHITECTURE.md, from ops/ (Maven's working folder) or the root itself. */
    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("ARCHITECTURE.md")) && Files.isDirectory(p.resolve("lms-web"))) {
                return p;
            }
        }
        throw new IllegalStateException(
                "no ARCHITECTURE.md above " + Path.of("").toAbsolutePath());
    }

    static List<JavaFile> javaFiles(War war) {
        try (Stream<Path> files = Files.walk(war.javaRoot())) {
            List<JavaFile> out = new ArrayList<>();
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Path relative = war.javaRoot().relativize(p);
                String feature =
                        relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
                out.add(new JavaFile(war, feature, p, read(p)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text blocks, strings, character literals and comments, found left to right so that none hides in another. */
    private static final Pattern TOKEN = Pattern.compile(
            "\"\"\"(?<block>.*?)\"\"\"|\"(?<string>(?:\\\\.|[^\"\\\\\\n])*)\"|'(?:\\\\.|[^'\\\\])+'|(?<comment>/\\*.*?\\*/|//[^\\n]*)",
            Pattern.DOTALL);

    /** The contents of a source's string literals (text blocks included); nothing from comments. */
    static List<String> stringLiterals(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(source);
        while (m.find()) {
            if (m.group("block") != null) {
                out.add(m.group("block"));
            } else if (m.group("string") != null) {
                out.add(m.group("string"));
            }
        }
        return out;
    }

    /** The source without comments and with every string and character literal emptied: what code rules read. */
    static String code(String source) {
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(source);
        int at = 0;
        while (m.find()) {
            out.append(source, at, m.start()).append(m.group("comment") != null ? " " : "\"\"");
            at = m.end();
        }
        return out.append(source, at, source.length()).toString();
    }
}
