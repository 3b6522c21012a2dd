package cn.imtp.lms.cohort.entity;

/** A lesson is taught live online (or in the room) at its time, or studied self-paced from its videos. */
public enum LessonMode {
    LIVE,
    SELF_PACED
}
