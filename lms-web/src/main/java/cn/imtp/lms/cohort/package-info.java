/**
 * Classes (培训班, "cohorts" in code since {@code class} is taken): a training plan delivered to
 * learners by teachers on a schedule of lessons.
 *
 * <p>A class is composed as a draft and activated once the package's rules hold
 * ({@link cn.imtp.lms.cohort.control.ClassRules}, pure): at least one theory teacher and one
 * practical instructor per 30 learners; every teacher qualified for the plan's level by a
 * certificate or a professional title (section 1.3.1; both rules read from the plan's edition of
 * the training package's data); a schedule that covers every unit of the plan
 * with at least its class hours, within the class's dates; and, for a class that leads to a level
 * certificate, a plan without shortfalls and, above level 5, learners who hold the lower certificate
 * or a teacher's approval for the level (recorded with its reason). Activation fixes the class hour's length
 * ({@code lms.class-hour-minutes}) for the class's life.
 *
 * <p>Who sees a class: administrators all, teachers the classes they teach, learners their own.
 * Rosters are imported from CSV all or nothing: a file with a bad row changes nothing and every bad
 * row is reported with its line and reason.
 */
package cn.imtp.lms.cohort;
