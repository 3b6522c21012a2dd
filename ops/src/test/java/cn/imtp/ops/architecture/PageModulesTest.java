package cn.imtp.ops.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages' layout: {@code PageShell} serves every module directly under {@code app/learner}, {@code app/teacher} and
 * {@code app/admin} as a page ({@code /teacher/unit} runs {@code app/teacher/unit.js}), so a module there must be one —
 * it starts its page — and parts used by pages live in {@code app/shared} or {@code app/player}. A part left in a page
 * folder opens blank at its address.
 */
class PageModulesTest {

    /** A call of {@code startPage(} in code: on a line that is no comment. */
    private static final java.util.regex.Pattern STARTS_PAGE =
            java.util.regex.Pattern.compile("(?m)^(?!\\s*(//|\\*|/\\*))[^\\n]*\\bstartPage\\(");

    @Test
    void everyModuleInAPageFolderIsAPage() throws IOException {
        Path app = Sources.root().resolve("lms-web/src/main/webapp/app");
        List<String> parts;
        try (Stream<Path> files =
                Stream.of("learner", "teacher", "admin").map(app::resolve).flatMap(PageModulesTest::modules)) {
            parts = files.filter(f -> !STARTS_PAGE.matcher(text(f)).find())
                    .map(f -> app.relativize(f).toString())
                    .toList();
        }
        assertEquals(List.of(), parts, "modules in page folders that are no page: move them to app/shared");
        assertTrue(Files.exists(app.resolve("teacher/unit.js")), "the rule reads the real folders");
    }

    private static Stream<Path> modules(Path folder) {
        try {
            return Files.list(folder).filter(f -> f.toString().endsWith(".js")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
