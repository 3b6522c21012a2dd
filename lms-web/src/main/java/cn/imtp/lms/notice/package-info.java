/**
 * Notices (通知公告): administrators publish to one class or to everyone, teachers to the classes they teach; every
 * reader sees those addressed to them, newest first, with what they have not read yet (the header's count). A study
 * reminder (学习提醒) is a personal notice from a class to one of its learners, seen by that learner and its author only
 * (not by administrators: it is between the two); it is not sent twice to a learner within 12 hours.
 */
package cn.imtp.lms.notice;
