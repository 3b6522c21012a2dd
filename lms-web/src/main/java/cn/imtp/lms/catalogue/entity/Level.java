package cn.imtp.lms.catalogue.entity;

import cn.imtp.platform.text.Words;

/** Skill levels; L1 (一级/高级技师) is the highest. */
public enum Level {
    L5("五级/初级", "level 5 (junior)"),
    L4("四级/中级", "level 4 (intermediate)"),
    L3("三级/高级", "level 3 (senior)"),
    L2("二级/技师", "level 2 (technician)"),
    L1("一级/高级技师", "level 1 (senior technician)");

    private final String chinese;
    private final String english;

    Level(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    /** The level's name for people, in both languages (documents and exports never print the code L5). */
    public Words words() {
        return new Words(chinese, english);
    }

    public String chinese() {
        return chinese;
    }
}
