package cn.imtp.lms.catalogue.entity;

/** Skill levels; L1 (一级/高级技师) is the highest. */
public enum Level {
    L5("五级/初级"), L4("四级/中级"), L3("三级/高级"), L2("二级/技师"), L1("一级/高级技师");

    private final String chinese;

    Level(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
