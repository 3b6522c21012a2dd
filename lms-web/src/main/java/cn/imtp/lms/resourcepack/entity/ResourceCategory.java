package cn.imtp.lms.resourcepack.entity;

/** The four resource packs of the training package (教学资源, 学习资源, 考核资源, 信息资源). */
public enum ResourceCategory {
    /** For teachers only: lesson plans, slides, teaching videos. */
    TEACHING,
    /** For the learners of classes whose plan contains the unit. */
    LEARNING,
    /** Exam material: reaches a learner only inside that learner's own open exam attempt. */
    ASSESSMENT,
    /** News, policies, industry information: for everyone signed in. */
    INFORMATION;

    /** The pack's Chinese name, for texts for people (the English ones name the code). */
    public String zh() {
        return switch (this) {
            case TEACHING -> "教学资源";
            case LEARNING -> "学习资源";
            case ASSESSMENT -> "考核资源";
            case INFORMATION -> "信息资源";
        };
    }
}
