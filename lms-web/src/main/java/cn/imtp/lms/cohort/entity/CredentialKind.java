package cn.imtp.lms.cohort.entity;

/** 职业技能等级证书 (with its level) or 专业技术职称 (with its grade). */
public enum CredentialKind {
    CERTIFICATE,
    TITLE
}
