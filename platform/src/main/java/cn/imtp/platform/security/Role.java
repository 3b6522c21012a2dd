package cn.imtp.platform.security;

import cn.imtp.platform.text.Words;

/** The three roles of the platform; the names are the token's {@code groups}. */
public enum Role {
    LEARNER(new Words("学员", "learner")),
    TEACHER(new Words("教师", "teacher")),
    ADMINISTRATOR(new Words("管理员", "administrator"));

    /** The role's name for people. */
    public final Words words;

    Role(Words words) {
        this.words = words;
    }
}
