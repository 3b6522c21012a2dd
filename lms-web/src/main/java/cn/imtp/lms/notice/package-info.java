/**
 * Notices (通知公告): administrators publish to one class or to everyone, teachers to the classes they teach; every
 * reader sees those addressed to them, newest first, with what they have not read yet (the header's count). A study
 * reminder (学习提醒) is a personal notice from an active class to one of its learners: news to that learner only, and
 * found also by those who answer for the class (its author, its other teachers, the administrators, who may withdraw
 * any, audited, as any notice); it is not sent twice to a learner within 12 hours.
 */
package cn.imtp.lms.notice;
