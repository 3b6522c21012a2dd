package cn.imtp.lms.resourcepack.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.lms.resourcepack.entity.ResourceCategory;
import cn.imtp.platform.security.Role;
import org.junit.jupiter.api.Test;

class ResourceAccessTest {

    @Test
    void teachingResourcesNeverReachLearners() {
        assertFalse(ResourceAccess.maySee(Role.LEARNER, ResourceCategory.TEACHING, true));
        assertTrue(ResourceAccess.maySee(Role.TEACHER, ResourceCategory.TEACHING, false));
    }

    @Test
    void assessmentResourcesNeverReachLearnersOutsideAnExam() {
        assertFalse(ResourceAccess.maySee(Role.LEARNER, ResourceCategory.ASSESSMENT, true));
    }

    @Test
    void learningResourcesReachOnlyLearnersWhoseClassPlanHasTheUnit() {
        assertTrue(ResourceAccess.maySee(Role.LEARNER, ResourceCategory.LEARNING, true));
        assertFalse(ResourceAccess.maySee(Role.LEARNER, ResourceCategory.LEARNING, false));
    }

    @Test
    void informationReachesEveryoneSignedIn() {
        for (Role r : Role.values()) {
            assertTrue(ResourceAccess.maySee(r, ResourceCategory.INFORMATION, false));
        }
        assertFalse(ResourceAccess.maySeeUnpublished(Role.LEARNER));
        assertTrue(ResourceAccess.maySeeUnpublished(Role.TEACHER));
    }
}
