package cn.imtp.lms.resourcepack.control;

import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.resourcepack.entity.ResourceCategory;
import cn.imtp.lms.resourcepack.entity.ResourceKind;

/**
 * A new resource as a teacher describes it. {@code classId}: the class it is added in (a teacher's own; may be left
 * out when only one of the teacher's classes has the unit); an administrator who leaves it out adds it to the
 * institution's library.
 */
public record ResourceDraft(
        ResourceCategory category,
        ResourceKind kind,
        Long unitId,
        Long classId,
        Level level,
        JobType jobType,
        String title,
        String description,
        String linkUrl) {}
