/**
 * Live online lessons: a scheduled {@code LIVE} lesson of an active class, joined by its learners during
 * its window (from {@code lms.live.join-minutes-before} before the start).
 *
 * <p>What the class sees is the lesson's stage, set by a teacher of the class: a published learning video
 * of the lesson's unit played in sync (the teacher's play, pause and seek become the stage; each learner's
 * player goes to the stage's position plus the time since it changed while playing), or an external
 * meeting link. The stage and the text Q&A live in MariaDB; {@link cn.imtp.lms.live.control.LiveEvents}
 * keeps one reader per lesson and node that pushes changes to the lesson's Server-Sent Event streams, so
 * that viewers spread over several nodes see the same lesson.
 *
 * <p>Presence is attendance: {@link cn.imtp.lms.live.control.LiveAttendance} opens a live session (ending
 * the learner's other activity through the attendance feature, so that a minute is credited once) and
 * judges each heartbeat with {@link cn.imtp.lms.live.control.LivePolicy} (pure): the seconds of the window
 * present with the page visible, one heartbeat plus slack per beat at most, each second once per learner.
 * Credit goes to the unit's live seconds in the hours ledger and every beat into the class's attendance
 * chain, in the beat's transaction, as for lesson videos. In a class with face checks, presence holds a live session's
 * credit while a check is due and withholds or gives back its seconds through
 * {@link cn.imtp.lms.live.control.LiveCreditHolds} (attendance's {@code ActivityCredit} for live sessions).
 */
package cn.imtp.lms.live;
