package cn.imtp.lms.catalogue.entity;

/** The four job types (工种); the platform operator exists only for levels 5 to 3. */
public enum JobType {
    PRODUCT_SELECTOR("选品员"), LIVE_SELLER("直播销售员"), VIDEO_PROMOTER("视频创推员"), PLATFORM_OPERATOR("平台管理员");

    private final String chinese;

    JobType(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
