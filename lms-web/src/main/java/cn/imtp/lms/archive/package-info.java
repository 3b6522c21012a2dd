/**
 * Learning archives (学习档案): for each learner of a class, the identity (masked), the class and the
 * plan, the classroom, other and total hours per unit from the attendance ledger, every exam and quiz
 * with the attempt that counts, and the outcome requirement by requirement
 * ({@link cn.imtp.lms.archive.control.Outcome}, pure). Computed from the records on every request,
 * never stored, so it cannot disagree with them. Learners see their own; teachers their classes';
 * administrators all; the class's archives export as CSV/XLSX, and each learner's as a PDF rendered on the server
 * ({@code ArchivePdf}, in the platform's Chinese typeface) that an auditor can file.
 */
package cn.imtp.lms.archive;
