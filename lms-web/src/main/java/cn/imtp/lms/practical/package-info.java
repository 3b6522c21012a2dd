/**
 * Practical exams (操作技能考核) of a class: tasks set from the practical blueprint, learners' hand-ins, teachers'
 * grades by rubric, and the results.
 *
 * <p>One task per row of the practical blueprint of section 2.3 for the class plan's level and job type (module,
 * content, weight, written or hands-on, minutes, importance X/Y), copied into the exam
 * ({@link cn.imtp.lms.practical.control.Practicals}). Teachers write each task's instructions and rubric (criteria with
 * points and descriptors); the rubric is fixed by the task's first grade, so that every learner is graded alike. While
 * the exam is open learners hand in a text answer and, for hands-on tasks, a document (PDF, JPEG or PNG, checked by its
 * bytes) and a recorded video, uploaded straight to storage and transcoded by media-service
 * ({@link cn.imtp.lms.practical.control.HandIns}); graded work no longer changes. Teachers grade by the rubric with a
 * comment, regrades audited ({@link cn.imtp.lms.practical.control.Grading}); the score on 100 is the blueprint's weighted
 * sum of the tasks' shares ({@link cn.imtp.lms.practical.control.PracticalScore}, pure). Results list and export as
 * CSV/XLSX and end up in the learner's archive, which the {@code archive} feature also prints as a server-made PDF
 * ({@link cn.imtp.lms.practical.control.PracticalResults}).
 *
 * <p>Decisions: the feature's tables have no entities; every statement is in
 * {@link cn.imtp.lms.practical.control.PracticalStore}, rows read by column name into named records. Learners' names
 * come from identity's {@code Account} entity (JPQL), the class from the cohort feature. A task's row is locked while a
 * hand-in, a grade or a rubric change touches it. One exception to "no other feature's table": a learner's recording
 * quota still sums media-service's {@code media_asset} (declared size and state), which lms-web does not keep and
 * media-service's HTTP API does not answer in one call (see {@code PracticalStore.recordingBytes}). The default pass
 * mark is the theory exams' setting, {@code lms.assessment.pass-mark}, read from the configuration directly.
 *
 * <p>Dependencies: it uses neither {@code questionbank} nor {@code exam}, and neither uses it.
 */
package cn.imtp.lms.practical;
