package cn.imtp.platform.security;

/** The three roles of the platform; the names are the token's {@code groups}. */
public enum Role {
    LEARNER, TEACHER, ADMINISTRATOR
}
