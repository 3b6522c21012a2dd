package cn.imtp.lms.application;

import cn.imtp.platform.text.Words;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The training package is delivered in China: lesson times, dates of record and "today" are China Standard Time. */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {}

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    /** An instant as a sentence for people says it: China time to the minute, saying so in both languages. */
    public static Words inWords(Instant instant) {
        String at = MINUTES.format(instant);
        return new Words(at + "（北京时间）", at + " China time");
    }
}
