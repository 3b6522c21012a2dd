/**
 * Assessment (考核): theory question banks, papers drawn by the package's blueprints, and online exams.
 *
 * <p><b>Bank.</b> A question (single choice, multiple choice, true/false) assesses one learning unit,
 * with a difficulty from 1 to 5 and an explanation. Teachers write, edit and retire questions (never
 * delete: papers drawn earlier keep pointing at them) and import/export them as CSV (or the first sheet of an Excel
 * workbook) in one documented format ({@code GET /api/assessment/questions/template}); an import is all or nothing. Learners never
 * reach the bank: they see questions only inside their own attempt, and the right answers and
 * explanations only once submitted and released by a teacher.
 *
 * <p><b>Papers.</b> {@link cn.imtp.lms.assessment.control.PaperDrawer} (pure) follows the theory
 * blueprint of section 2.3 (the basic course's, or the class plan's level and job type): each assessed
 * course's questions sum to exactly its weight in points, with configurable points per type (default 1
 * for single choice and true/false, 2 for multiple choice). A course's weight is shared among its units
 * by class hours, so every assessed unit is examined and a short bank is named unit by unit ("needs 3
 * more single-choice questions"). Each attempt has its own random seed, kept, so a paper can be
 * reproduced. A unit is matched to the bank by table, course code and name, so a later edition of the
 * package keeps its bank.
 *
 * <p><b>Exams.</b> A teacher of the class sets the window, the duration, the points and the pass mark
 * (default 60 % of the paper); creation fails, naming the missing questions, while the bank cannot fill
 * the blueprint. An attempt's deadline is fixed on the server when it starts (never beyond the window);
 * every answer is saved as it is given, a learner who loses the connection resumes the same paper, and
 * the attempt is submitted automatically when the time is up (a sweep on every node, attempts locked
 * while graded). Grading is automatic: a multiple-choice answer scores only when exactly right; the
 * result gives the score per module and pass or fail. One attempt per learner unless a teacher grants
 * another, with a reason (audited). Results export as CSV/XLSX.
 *
 * <p><b>Quizzes.</b> A formative quiz (blueprint {@code UNIT}) draws a set number of questions from one
 * unit of the class's plan; any number of attempts, and the answers are shown as soon as an attempt is
 * submitted.
 *
 * <p><b>Practical exams</b> (操作技能考核, {@link cn.imtp.lms.assessment.control.Practicals}): one task per row
 * of the practical blueprint of the class plan's level and job type (module, content, weight, written or
 * hands-on, minutes, importance X/Y), copied into the exam. Teachers write each task's instructions and rubric
 * (criteria with points and descriptors; fixed by the task's first grade). While the exam is open learners hand
 * in a text answer and, for hands-on tasks, a document (PDF, JPEG or PNG, checked by its bytes) and a recorded
 * video (uploaded straight to storage and transcoded by media-service); graded work no longer changes. Teachers grade by the rubric with a comment (regrades audited); the score on 100 is the
 * blueprint's weighted sum of the tasks' shares ({@link cn.imtp.lms.assessment.control.PracticalScore}).
 *
 * <p><b>Exchange.</b> The bank also travels as a QTI 2.1 content package
 * ({@link cn.imtp.lms.assessment.control.QuestionQti}: export, and an all-or-nothing import that names the bad item
 * file), and as an Excel template beside the CSV. Exam and practical results end up in the learner's archive, which
 * the {@code archive} feature prints as a server-made PDF.
 */
package cn.imtp.lms.assessment;
