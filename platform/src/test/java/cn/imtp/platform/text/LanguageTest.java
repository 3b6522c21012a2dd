package cn.imtp.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.platform.problem.PlatformException;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void chineseUnlessEnglishIsPreferred() {
        assertEquals(Language.ZH, Language.of(null, null));
        assertEquals(Language.ZH, Language.of(null, ""));
        assertEquals(Language.ZH, Language.of(null, "zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals(Language.EN, Language.of(null, "en"));
        assertEquals(Language.EN, Language.of(null, "en-GB,en;q=0.9,zh-CN;q=0.5"));
        assertEquals(Language.ZH, Language.of(null, "fr-FR, de"), "neither: Chinese");
        assertEquals(Language.EN, Language.of(null, "fr, en;q=0.3, zh;q=0.2"), "the first of the two by weight");
        assertEquals(Language.ZH, Language.of(null, "en;q=0.2, zh-TW;q=0.8"));
        assertEquals(Language.ZH, Language.of(null, "en;q=0, *"), "English refused");
        assertEquals(Language.EN, Language.of(null, "EN-us"), "tags are case-insensitive");
        assertEquals(Language.ZH, Language.of(null, "english"), "a tag is en only with a subtag after a hyphen");
        assertEquals(Language.ZH, Language.of(null, "en;q=abc"), "an unreadable weight counts as 0");
        for (String broken : new String[] {";", ",,;;,", ";q=1", "en;q=", "\u0000", "x".repeat(5000)}) {
            assertEquals(
                    Language.ZH,
                    Language.preferred(broken),
                    "a header that cannot be read: Chinese, never an error: " + broken.length());
        }
        assertEquals(Language.EN, Language.preferred(";, en"), "what can be read still counts");
        assertEquals(Language.EN, Language.preferred("en,;"));
    }

    @Test
    void anExplicitLangWinsAndAnUnknownOneIsRefused() {
        assertEquals(Language.EN, Language.of("en", "zh-CN"));
        assertEquals(Language.ZH, Language.of("ZH", "en"));
        assertEquals(Language.ZH, Language.of(" ", "zh"), "blank: as if not given");
        assertEquals(Language.EN, Language.of("en-US", null));
        assertEquals(Language.ZH, Language.of("zh-Hans", "en"));
        PlatformException e = assertThrows(PlatformException.class, () -> Language.of("fr", null));
        assertEquals(422, e.status());
        PlatformException echo =
                assertThrows(PlatformException.class, () -> Language.of("<script>" + "x".repeat(10_000), null));
        assertTrue(echo.detail(Language.EN).length() < 100, "the value is not echoed back");
    }
}
