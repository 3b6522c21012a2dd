/**
 * Theory exams (理论知识考核) and formative quizzes of a class: papers drawn by the package's blueprints from the question
 * bank, learners' attempts, automatic grading and the results.
 *
 * <p><b>Papers.</b> {@link cn.imtp.lms.exam.control.PaperDrawer} (pure) follows the theory blueprint of section 2.3 (the
 * basic course's, or the class plan's level and job type), made into slots by {@link cn.imtp.lms.exam.control.Blueprints}:
 * each assessed course's questions sum to exactly its weight in points, with configurable points per type (default 1
 * for single choice and true/false, 2 for multiple choice). A course's weight is shared among its units by class hours,
 * so every assessed unit is examined and a short bank is named unit by unit ("needs 3 more single-choice questions";
 * {@code GET /api/assessment/coverage} shows it before an exam is set). Each attempt has its own random seed, kept, so a
 * paper can be reproduced.
 *
 * <p><b>Exams</b> ({@link cn.imtp.lms.exam.control.Exams}). A teacher of the class sets the window, the duration, the
 * points and the pass mark (default 60 % of the paper); creation fails, naming the missing questions, while the bank
 * cannot fill the blueprint. An exam is set with the bank's live questions of its blueprint at that moment and draws
 * every paper from those. One attempt per learner unless a teacher grants another, with a reason (audited).
 *
 * <p><b>Attempts</b> ({@link cn.imtp.lms.exam.control.Attempts}). An attempt's deadline is fixed on the server when it
 * starts (never beyond the window); every answer is saved as it is given, a learner who loses the connection resumes the
 * same paper, and the attempt is submitted automatically when the time is up (a sweep on every node, attempts locked
 * while graded). Inside an open attempt the learner reaches the published assessment resources of the units on the
 * paper. Grading is automatic: a multiple-choice answer scores only when exactly right.
 *
 * <p><b>Results</b> ({@link cn.imtp.lms.exam.control.ExamResults}): the score per module and pass or fail of the attempt
 * that counts (the last one submitted); exported as CSV/XLSX, and in the learner's archive, which the {@code archive}
 * feature also prints as a server-made PDF.
 *
 * <p><b>Quizzes.</b> A formative quiz (blueprint {@code UNIT}) draws a set number of questions from one unit of the
 * class's plan; any number of attempts, and the answers are shown as soon as an attempt is submitted.
 *
 * <p>Decisions: the feature's native SQL (an attempt's row lock, the grants of further attempts) is in
 * {@link cn.imtp.lms.exam.control.ExamStore}; everything else is JPA on its entities.
 *
 * <p>Dependencies: it uses {@code questionbank} (questions, the canonical answers, the questions' units), never the other
 * way; it does not use {@code practical}, nor {@code practical} it.
 */
package cn.imtp.lms.exam;
