package cn.imtp.lms.application;

import java.time.LocalDate;
import java.time.ZoneId;

/** The training package is delivered in China: lesson times, dates of record and "today" are China Standard Time. */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {}

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
