package cn.imtp.ops.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.ops.architecture.Sources.War;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The package rules of ARCHITECTURE.md on the compiled classes of both WARs (their {@code target/classes}, built
 * earlier in the same Maven run): no cycle between top-level packages, and support packages use no feature.
 */
class PackageRulesTest {

    private static final List<String> LMS_SUPPORT = List.of("application", "documents", "sql", "eventstream");
    private static final List<String> MEDIA_SUPPORT = List.of("sql", "access", "storage");

    private static JavaClasses classes(War war) {
        assertTrue(
                Files.isDirectory(war.classes().resolve(war.rootPackage.replace('.', '/'))),
                "compile " + war.module + " first (mvn verify builds it before ops): " + war.classes());
        return new ClassFileImporter().importPath(war.classes());
    }

    @Test
    void lmsWebTopLevelPackagesFormNoCycle() {
        slices().matching("cn.imtp.lms.(*)..").should().beFreeOfCycles().check(classes(War.LMS));
    }

    @Test
    void mediaServiceTopLevelPackagesFormNoCycle() {
        slices().matching("cn.imtp.media.(*)..").should().beFreeOfCycles().check(classes(War.MEDIA));
    }

    @Test
    void lmsWebSupportPackagesUseNoFeature() {
        supportUsesNoFeature(War.LMS, LMS_SUPPORT);
    }

    @Test
    void mediaServiceSupportPackagesUseNoFeature() {
        supportUsesNoFeature(War.MEDIA, MEDIA_SUPPORT);
    }

    @Test
    void controlAndEntityClassesNeverUseBoundaries() {
        for (War war : War.values()) {
            noClasses()
                    .that()
                    .resideInAnyPackage(war.rootPackage + "..control..", war.rootPackage + "..entity..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(war.rootPackage + "..boundary..")
                    .because("boundaries are thin HTTP adapters over control (ARCHITECTURE.md, Packages)")
                    .check(classes(war));
        }
    }

    private static void supportUsesNoFeature(War war, List<String> support) {
        String[] supportPackages =
                support.stream().map(p -> war.rootPackage + "." + p + "..").toArray(String[]::new);
        noClasses()
                .that()
                .resideInAnyPackage(supportPackages)
                .should()
                .dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a feature of " + war.module,
                        c -> c.getPackageName().startsWith(war.rootPackage + ".")
                                && support.stream()
                                        .noneMatch(p -> c.getPackageName().equals(war.rootPackage + "." + p)
                                                || c.getPackageName().startsWith(war.rootPackage + "." + p + "."))))
                .because("support packages are tools every feature may use (ARCHITECTURE.md, Packages)")
                .check(classes(war));
    }
}
