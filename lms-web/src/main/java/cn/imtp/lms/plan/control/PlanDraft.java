package cn.imtp.lms.plan.control;

import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.plan.entity.PlanKind;
import java.util.List;

/**
 * A plan as a teacher composes it: units picked one by one ({@code unitIds}) and/or whole tables
 * ({@code tables}: {@code "basic"} or {@code "L5/LIVE_SELLER"}), from the current catalogue edition.
 */
public record PlanDraft(
        String name,
        Level level,
        JobType jobType,
        PlanKind kind,
        String employerOrder,
        List<Long> unitIds,
        List<String> tables) {}
