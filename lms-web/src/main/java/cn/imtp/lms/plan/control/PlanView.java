package cn.imtp.lms.plan.control;

import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.plan.entity.PlanKind;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/** A plan with its units and its assessment against the package's rules. {@code id} is null for an unsaved check. */
@JsonbPropertyOrder({
    "id",
    "name",
    "edition",
    "level",
    "jobType",
    "kind",
    "employerOrder",
    "createdBy",
    "createdAt",
    "assessment",
    "units"
})
public record PlanView(
        Long id,
        String name,
        String edition,
        Level level,
        JobType jobType,
        PlanKind kind,
        String employerOrder,
        String createdBy,
        Instant createdAt,
        PlanRules.Assessment assessment,
        List<PlannedUnit> units) {

    public record PlannedUnit(long id, String name, int hours, String table, String course) {}

    public record Summary(
            long id,
            String name,
            Level level,
            JobType jobType,
            PlanKind kind,
            int classroomHours,
            int minimumClassroomHours,
            boolean certificateEligible) {}

    public record Page(List<Summary> items, int page, int size, long total) {}
}
