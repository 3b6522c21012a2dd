/**
 * The course supermarket (培训课程超市): training plans composed from the catalogue's learning units,
 * checked against the package's rules (sections 1.1.2 and 1.1.3).
 *
 * <p>Rules ({@link cn.imtp.lms.plan.control.PlanRules}, pure): the basic course is mandatory, at
 * least the level's basic hours of the allocation table (28, 12, 8, 4, 4; the basic table is written
 * for level 5, so a level-5 plan takes all of it); a new entrant's plan is level 5 and takes the whole
 * level-5 table of its job type; an upgrade plan takes skill units of its own level and job type;
 * experienced learners' and order-training plans may pick skill units freely. A plan shows its
 * classroom hours against the level's minimum and names every shortfall; a plan with shortfalls is
 * kept as a draft and may not be given to a class that leads to a level certificate.
 *
 * <p>A plan points at the units of the edition it was composed from, so a later edition never
 * changes it. Per-learner eligibility for plans above level 5 (the lower certificate or a teacher's
 * approval) is checked where learners meet a plan: when their class is activated.
 */
package cn.imtp.lms.plan;
