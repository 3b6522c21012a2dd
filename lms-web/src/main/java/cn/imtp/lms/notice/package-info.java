/**
 * Notices (通知公告): administrators publish to one class or to everyone, teachers to the classes they teach; every
 * reader sees those addressed to them, newest first, with what they have not read yet (the header's count).
 */
package cn.imtp.lms.notice;
