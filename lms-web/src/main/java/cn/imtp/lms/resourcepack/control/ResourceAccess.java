package cn.imtp.lms.resourcepack.control;

import cn.imtp.lms.resourcepack.entity.ResourceCategory;
import cn.imtp.platform.security.Role;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;

/**
 * Who may see and who may change a resource: the package's rules for its four resource packs and the
 * platform's ownership rules, without infrastructure. A resource belongs to the class it was added in; an
 * administrator shares it with other classes, or with every class whose plan has its unit (the institution's
 * library).
 */
public final class ResourceAccess {

    private ResourceAccess() {}

    /** Where a resource reaches: its class, the classes it is shared with, and whether it is the library's. */
    public record Reach(Long unitId, Long classId, Set<Long> sharedWith, boolean sharedWithAll) {}

    /**
     * The classes a caller works in (a teacher's classes, a learner's active classes) and the units of their plans.
     * Administrators have no scope: they see every resource.
     */
    public record Scope(Set<Long> classes, Set<Long> units) {

        public static final Scope NONE = new Scope(Set.of(), Set.of());
    }

    /** Whether the resource reaches one of the scope's classes. */
    public static boolean reaches(Reach r, Scope s) {
        return (r.classId() != null && s.classes().contains(r.classId()))
                || !Collections.disjoint(r.sharedWith(), s.classes())
                || (r.sharedWithAll() && (r.unitId() == null || s.units().contains(r.unitId())));
    }

    /**
     * @param scope for a teacher the classes taught, for a learner the active classes
     * @param owner whether the caller added the resource
     * @param shownToLearners for an assessment resource, whether it is shown to learners now ({@link #shownAt})
     */
    public static boolean maySee(
            Role role, ResourceCategory category, Reach reach, Scope scope, boolean owner, boolean shownToLearners) {
        return switch (role) {
            case ADMINISTRATOR -> true;
            case TEACHER -> owner || reaches(reach, scope);
            case LEARNER -> learnersSee(category, shownToLearners) && reaches(reach, scope);
        };
    }

    /**
     * Which packs reach learners at all: learning and information resources; an assessment resource (a rubric, a sample
     * paper) only once a teacher of its class showed it to learners (inside an open exam attempt the paper's materials
     * reach its learner by another path, {@code ResourcePacks.examAccess}); teaching resources never.
     */
    public static boolean learnersSee(ResourceCategory category, boolean shownToLearners) {
        return switch (category) {
            case INFORMATION, LEARNING -> true;
            case ASSESSMENT -> shownToLearners;
            case TEACHING -> false;
        };
    }

    /**
     * Whether a shown assessment resource reaches learners at {@code now}: from {@code from} (inclusive) until
     * {@code until} (exclusive), either open.
     */
    public static boolean shownAt(boolean shown, Instant from, Instant until, Instant now) {
        return shown && (from == null || !now.isBefore(from)) && (until == null || now.isBefore(until));
    }

    /**
     * Who shows an assessment resource to learners or hides it again: an administrator, or any teacher of the class it
     * belongs to (not a teacher of a class it is only shared with: the switch is the resource's, and would change what
     * the owning class's learners see; the library's resources are the administrators').
     */
    public static boolean mayShowToLearners(Role role, Reach reach, Scope scope) {
        return role == Role.ADMINISTRATOR
                || (role == Role.TEACHER
                        && reach.classId() != null
                        && scope.classes().contains(reach.classId()));
    }

    /**
     * Only an administrator, or the teacher who added the resource while still teaching its class (a library
     * resource: its creator), adds versions, publishes it or uploads its files and captions.
     */
    public static boolean mayChange(Role role, Reach reach, boolean owner, Scope scope) {
        return role == Role.ADMINISTRATOR
                || (role == Role.TEACHER
                        && owner
                        && (reach.classId() == null || scope.classes().contains(reach.classId())));
    }

    /** Learners see only the published version; teachers and administrators any version (preview). */
    public static boolean maySeeUnpublished(Role role) {
        return role == Role.TEACHER || role == Role.ADMINISTRATOR;
    }
}
