package cn.imtp.lms.cohort.entity;

/** Grades of professional titles that the teacher rules name: 中级 and 高级. */
public enum TitleGrade {
    INTERMEDIATE,
    SENIOR
}
