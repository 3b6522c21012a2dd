package cn.imtp.lms.cohort.entity;

/** 理论课教师 / 实习指导教师 */
public enum Duty {
    THEORY,
    PRACTICAL
}
