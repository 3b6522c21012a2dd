package cn.imtp.lms.catalogue.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.imtp.lms.catalogue.control.SpecMatch.Kind;
import cn.imtp.lms.catalogue.control.SpecMatch.Match;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecMatchTest {

    @Test
    void sameNamesMatchWhereverTheyStandAndSpacesDoNotCount() {
        List<Match> m = SpecMatch.match(List.of("FAB 分析", "直播预告"), List.of("直播预告", "FAB分析"));
        assertEquals(new Match(1, Kind.SAME_NAME), m.get(0));
        assertEquals(new Match(0, Kind.SAME_NAME), m.get(1));
    }

    @Test
    void aUnitNamedOtherwiseMatchesTheUnitAtItsPlaceWhenTheCoursesHaveAsManyUnits() {
        List<Match> m = SpecMatch.match(List.of("产品图文素材搜集", "网络搜索工具使用方法"), List.of("产品图文素材搜集方法", "网络搜索工具使用方法"));
        assertEquals(new Match(0, Kind.SAME_PLACE), m.get(0));
        assertEquals(new Match(1, Kind.SAME_NAME), m.get(1));
    }

    @Test
    void oneUnitIn22DescribesTheWholeCourseWhere112HasSeveral() {
        List<Match> m = SpecMatch.match(List.of("互联网营销定义与分类", "互联网营销职能"), List.of("互联网营销定义、分类和职能"));
        assertEquals(new Match(0, Kind.WHOLE_COURSE), m.get(0));
        assertEquals(new Match(0, Kind.WHOLE_COURSE), m.get(1));
    }

    @Test
    void noMatchWhenTheCoursesDifferInUnitsAndNames() {
        List<Match> m = SpecMatch.match(List.of("甲", "乙", "丙"), List.of("丁", "戊"));
        assertNull(m.get(0));
        assertNull(m.get(2));
        assertEquals(List.of(), SpecMatch.match(List.of(), List.of("丁")));
    }
}
