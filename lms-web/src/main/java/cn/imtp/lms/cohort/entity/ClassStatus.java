package cn.imtp.lms.cohort.entity;

public enum ClassStatus {
    DRAFT,
    ACTIVE
}
