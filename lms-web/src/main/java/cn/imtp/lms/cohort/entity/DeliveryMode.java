package cn.imtp.lms.cohort.entity;

/** 线上 / 线下 / 线上线下结合 */
public enum DeliveryMode {
    ONLINE,
    IN_PERSON,
    BLENDED
}
