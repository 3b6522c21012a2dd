package cn.imtp.lms.resourcepack.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.lms.resourcepack.control.ResourceAccess.Reach;
import cn.imtp.lms.resourcepack.control.ResourceAccess.Scope;
import cn.imtp.lms.resourcepack.entity.ResourceCategory;
import cn.imtp.platform.security.Role;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceAccessTest {

    /** Class 1 (plan with units 10 and 11) and class 2 (plan with unit 10). */
    final Scope classOne = new Scope(Set.of(1L), Set.of(10L, 11L));

    final Scope classTwo = new Scope(Set.of(2L), Set.of(10L));
    final Reach ofClassOne = new Reach(10L, 1L, Set.of(), false);

    @Test
    void aClassResourceReachesItsClassOnly() {
        assertTrue(ResourceAccess.maySee(Role.LEARNER, ResourceCategory.LEARNING, ofClassOne, classOne, false, false));
        assertFalse(ResourceAccess.maySee(Role.LEARNER, ResourceCategory.LEARNING, ofClassOne, classTwo, false, false));
        assertTrue(ResourceAccess.maySee(Role.TEACHER, ResourceCategory.TEACHING, ofClassOne, classOne, false, false));
        assertFalse(ResourceAccess.maySee(Role.TEACHER, ResourceCategory.TEACHING, ofClassOne, classTwo, false, false));
        assertTrue(ResourceAccess.maySee(
                Role.ADMINISTRATOR, ResourceCategory.TEACHING, ofClassOne, Scope.NONE, false, false));
    }

    @Test
    void sharingReachesTheNamedClassesOrEveryClassWithTheUnit() {
        assertTrue(ResourceAccess.reaches(new Reach(10L, 1L, Set.of(2L), false), classTwo));
        Reach library = new Reach(11L, null, Set.of(), true);
        assertTrue(ResourceAccess.reaches(library, classOne));
        assertFalse(ResourceAccess.reaches(library, classTwo), "class 2's plan has no unit 11");
        assertTrue(
                ResourceAccess.reaches(new Reach(null, null, Set.of(), true), Scope.NONE),
                "general information reaches everyone");
    }

    @Test
    void teachingResourcesNeverReachLearnersNorHiddenAssessmentResources() {
        for (ResourceCategory c : Set.of(ResourceCategory.TEACHING, ResourceCategory.ASSESSMENT)) {
            assertFalse(ResourceAccess.maySee(Role.LEARNER, c, ofClassOne, classOne, false, false));
        }
        assertFalse(ResourceAccess.maySeeUnpublished(Role.LEARNER));
        assertTrue(ResourceAccess.maySeeUnpublished(Role.TEACHER));
    }

    @Test
    void anAssessmentResourceShownToLearnersReachesTheLearnersOfItsClassesOnly() {
        assertTrue(ResourceAccess.maySee(Role.LEARNER, ResourceCategory.ASSESSMENT, ofClassOne, classOne, false, true));
        assertFalse(
                ResourceAccess.maySee(Role.LEARNER, ResourceCategory.ASSESSMENT, ofClassOne, classTwo, false, true),
                "shown to learners, yet of another class");
        assertTrue(
                ResourceAccess.maySee(Role.TEACHER, ResourceCategory.ASSESSMENT, ofClassOne, classOne, false, false));
    }

    /**
     * The switch is the assessment pack's: a teaching resource whose flag says shown (a row changed by hand, an old
     * import) still never reaches a learner, in its class, in a class it is shared with, or from the library.
     */
    @Test
    void aTeachingResourceFlaggedShownStillNeverReachesLearners() {
        assertFalse(ResourceAccess.learnersSee(ResourceCategory.TEACHING, true));
        for (Reach reach :
                Set.of(ofClassOne, new Reach(10L, 2L, Set.of(1L), false), new Reach(10L, null, Set.of(), true))) {
            assertFalse(
                    ResourceAccess.maySee(Role.LEARNER, ResourceCategory.TEACHING, reach, classOne, false, true),
                    reach.toString());
            assertTrue(
                    ResourceAccess.maySee(Role.TEACHER, ResourceCategory.TEACHING, reach, classOne, false, true),
                    "its class's teachers still see it: " + reach);
        }
    }

    /**
     * Shown by a teacher of its own class, an assessment resource shared with another class reaches that class's learners
     * too (README, Resource packs: the switch is the resource's, one for every class it reaches); hidden, it reaches
     * none of them; a class it is not shared with never.
     */
    @Test
    void aShownAssessmentResourceReachesTheLearnersOfEveryClassItIsSharedWith() {
        Reach shared = new Reach(10L, 1L, Set.of(2L), false);
        assertTrue(ResourceAccess.maySee(Role.LEARNER, ResourceCategory.ASSESSMENT, shared, classTwo, false, true));
        assertFalse(ResourceAccess.maySee(Role.LEARNER, ResourceCategory.ASSESSMENT, shared, classTwo, false, false));
        assertFalse(ResourceAccess.maySee(
                Role.LEARNER, ResourceCategory.ASSESSMENT, shared, new Scope(Set.of(3L), Set.of(10L)), false, true));
    }

    @Test
    void theTeachersOfTheResourcesOwnClassOrAnAdministratorShowItToLearners() {
        assertTrue(ResourceAccess.mayShowToLearners(Role.TEACHER, ofClassOne, classOne), "any teacher of its class");
        assertFalse(
                ResourceAccess.mayShowToLearners(Role.TEACHER, new Reach(10L, 1L, Set.of(2L), false), classTwo),
                "a teacher of a class it is shared with");
        assertFalse(
                ResourceAccess.mayShowToLearners(Role.TEACHER, new Reach(10L, null, Set.of(), true), classOne),
                "the library's");
        assertTrue(ResourceAccess.mayShowToLearners(Role.ADMINISTRATOR, ofClassOne, Scope.NONE));
        assertFalse(ResourceAccess.mayShowToLearners(Role.LEARNER, ofClassOne, classOne));
    }

    @Test
    void onlyTheOwnerTeachingTheClassOrAnAdministratorChangesAResource() {
        assertTrue(ResourceAccess.mayChange(Role.TEACHER, ofClassOne, true, classOne));
        assertFalse(
                ResourceAccess.mayChange(Role.TEACHER, ofClassOne, false, classOne), "a colleague of the same class");
        assertFalse(
                ResourceAccess.mayChange(Role.TEACHER, ofClassOne, true, classTwo),
                "the owner no longer teaching the class");
        assertFalse(
                ResourceAccess.mayChange(Role.TEACHER, new Reach(10L, 1L, Set.of(2L), false), false, classTwo),
                "a class it is shared with");
        assertTrue(
                ResourceAccess.mayChange(Role.TEACHER, new Reach(10L, null, Set.of(), true), true, Scope.NONE),
                "a library resource's creator");
        assertTrue(ResourceAccess.mayChange(Role.ADMINISTRATOR, ofClassOne, false, Scope.NONE));
        assertFalse(ResourceAccess.mayChange(Role.LEARNER, ofClassOne, true, classOne));
    }

    @Test
    void aShownAssessmentResourceReachesLearnersOnlyInsideItsWindow() {
        Instant from = Instant.parse("2026-12-10T00:00:00Z");
        Instant until = Instant.parse("2026-12-17T10:00:00Z");
        assertFalse(ResourceAccess.shownAt(true, from, until, from.minusMillis(1)), "before it opens");
        assertTrue(ResourceAccess.shownAt(true, from, until, from), "from is inclusive");
        assertTrue(ResourceAccess.shownAt(true, from, until, until.minusMillis(1)));
        assertFalse(ResourceAccess.shownAt(true, from, until, until), "until is exclusive");
        assertTrue(ResourceAccess.shownAt(true, null, until, Instant.EPOCH), "open at the start");
        assertTrue(ResourceAccess.shownAt(true, from, null, Instant.parse("2099-01-01T00:00:00Z")), "open at the end");
        assertTrue(ResourceAccess.shownAt(true, null, null, from));
        assertFalse(ResourceAccess.shownAt(false, null, null, from), "hidden is hidden, whatever the window");
        assertFalse(ResourceAccess.shownAt(false, from, until, from));
        Scope mine = new Scope(Set.of(1L), Set.of(10L));
        Reach ownClass = new Reach(10L, 1L, Set.of(), false);
        assertFalse(ResourceAccess.maySee(
                Role.LEARNER,
                ResourceCategory.ASSESSMENT,
                ownClass,
                mine,
                false,
                ResourceAccess.shownAt(true, from, until, until.plusSeconds(1))));
    }
}
