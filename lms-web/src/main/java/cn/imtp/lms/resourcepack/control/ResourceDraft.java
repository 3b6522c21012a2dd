package cn.imtp.lms.resourcepack.control;

import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.resourcepack.entity.ResourceCategory;
import cn.imtp.lms.resourcepack.entity.ResourceKind;

/** A new resource as a teacher describes it. */
public record ResourceDraft(ResourceCategory category, ResourceKind kind, Long unitId, Level level, JobType jobType,
                            String title, String description, String linkUrl) {
}
