package cn.imtp.lms.catalogue.entity;

import cn.imtp.platform.text.Words;

/** The four job types (工种); the platform operator exists only for levels 5 to 3. */
public enum JobType {
    PRODUCT_SELECTOR("选品员", "product selector"),
    LIVE_SELLER("直播销售员", "live seller"),
    VIDEO_PROMOTER("视频创推员", "video promoter"),
    PLATFORM_OPERATOR("平台管理员", "platform operator");

    private final String chinese;
    private final String english;

    JobType(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    /** The job type's name for people, in both languages. */
    public Words words() {
        return new Words(chinese, english);
    }

    public String chinese() {
        return chinese;
    }
}
