/**
 * The question bank (题库) of the theory assessment: the questions exams and quizzes are set from.
 *
 * <p>A question (single choice, multiple choice, true/false) assesses one learning unit, with a difficulty from 1 to 5
 * and an explanation; its answer is kept in one canonical form ({@link cn.imtp.lms.questionbank.control.Answers}, also
 * used for learners' answers). Teachers write, edit and retire questions, never delete them: an edit makes the next
 * version under a new id of the same lineage, so that exams already set and papers already drawn keep what they were
 * set with; only a question's author or an administrator changes it. Questions import and export as CSV (or the first
 * sheet of an Excel workbook) in one documented format ({@code GET /api/assessment/questions/template}) and as a QTI 2.1
 * content package ({@link cn.imtp.lms.questionbank.control.QuestionQti}: export, and an import that names the bad item
 * file); every import is all or nothing and reports every bad line. Learners never reach the bank: they see questions
 * only inside their own attempt (the exam feature).
 *
 * <p>Decisions: a question is filed under its unit by table (level and job type), course code and unit name, so that a
 * bank written against one edition of the package serves a later edition; {@code QuestionBank.drawable} gives the
 * questions in that form to whoever draws papers, without knowing about exams (it takes the ids an exam was set with).
 *
 * <p>Dependencies: the lowest of the three assessment features. It uses none of them; {@code exam} uses it (its
 * questions, answers and units). Its SQL is JPQL on its own entity {@code Question} only.
 */
package cn.imtp.lms.questionbank;
