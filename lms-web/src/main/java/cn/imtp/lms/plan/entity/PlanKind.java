package cn.imtp.lms.plan.entity;

/** Why a plan is composed the way it is; decides how freely units may be picked. */
public enum PlanKind {
    /** 新入职: the basic course and all of level 5 for the job type. */
    NEW_ENTRANT,
    /** 晋级: a higher level for holders of the lower certificate; skill units of its own level and job type. */
    UPGRADE,
    /** Experienced learners without an upgrade goal: free choice of skill units. */
    EXPERIENCED,
    /** 订单培训: composed for a named employer order; free choice of skill units. */
    ORDER_TRAINING
}
