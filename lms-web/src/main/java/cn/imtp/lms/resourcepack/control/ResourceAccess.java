package cn.imtp.lms.resourcepack.control;

import cn.imtp.lms.resourcepack.entity.ResourceCategory;
import cn.imtp.platform.security.Role;

/** Who may see a resource: the package's rules for its four resource packs, without infrastructure. */
public final class ResourceAccess {

    private ResourceAccess() {
    }

    /**
     * @param learnerStudiesUnit for a learner: whether one of the learner's active classes has a plan
     *                           that contains the resource's unit
     */
    public static boolean maySee(Role role, ResourceCategory category, boolean learnerStudiesUnit) {
        if (role == Role.TEACHER || role == Role.ADMINISTRATOR) {
            return true;
        }
        return switch (category) {
            case INFORMATION -> true;
            case LEARNING -> learnerStudiesUnit;
            // Assessment material reaches a learner only through an open exam attempt, never through this path.
            case TEACHING, ASSESSMENT -> false;
        };
    }

    /** Learners see only the published version; teachers and administrators any version (preview). */
    public static boolean maySeeUnpublished(Role role) {
        return role == Role.TEACHER || role == Role.ADMINISTRATOR;
    }
}
