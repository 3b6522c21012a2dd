package cn.imtp.lms.certificate.control;

import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a completion certificate states, fixed when it is issued, and the pure rules around it: its number, its random
 * verification code, and the masked name the anonymous verification shows. {@code level} and {@code jobType} are null
 * for a plan of the basic course only.
 */
public record CertificateFacts(
        String fullName,
        String idNumberMasked,
        String className,
        String planName,
        Level level,
        JobType jobType,
        LocalDate startsOn,
        LocalDate endsOn,
        int classHourMinutes,
        long classroomSeconds,
        int minimumMinutes,
        List<ModuleHours> modules,
        List<Score> scores) {

    /** Classroom time credited in one module of the plan, and what the plan asks of it. */
    public record ModuleHours(String code, String name, long seconds, int requiredMinutes) {}

    /** One summative exam's counted result: {@code practical} for 操作技能考核, else 理论知识考核. */
    public record Score(boolean practical, String title, String score) {}

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Crockford's base 32: no I, L, O or U, so that a code read aloud or typed from paper is not mistaken. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    static final int CODE_LENGTH = 16;
    private static final Pattern CODE = Pattern.compile("[" + ALPHABET + "]{" + CODE_LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new verification code: 16 characters of 32, 80 random bits (not guessable by trying). */
    static String newCode() {
        StringBuilder b = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /**
     * A code as people type it (spaces, hyphens, lower case, O for 0, I and L for 1) in its stored form, or empty when it
     * cannot be one.
     */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String c = typed.replaceAll("[\\s-]", "")
                .toUpperCase(Locale.ROOT)
                .replace('O', '0')
                .replace('I', '1')
                .replace('L', '1');
        return CODE.matcher(c).matches() ? Optional.of(c) : Optional.empty();
    }

    /** The code as printed: four groups of four. */
    public static String display(String code) {
        return String.join("-", code.substring(0, 4), code.substring(4, 8), code.substring(8, 12), code.substring(12));
    }

    /** The certificate's number: JY, the year of issue (China time) and the certificate's id, as 结业证明编号. */
    public static String number(long id, Instant issuedAt) {
        return String.format(Locale.ROOT, "JY%d-%06d", issuedAt.atZone(CHINA).getYear(), id);
    }

    /** A name as a stranger may see it: the first and last character kept, the rest starred (王*涵, 李*, *). */
    public static String maskedName(String name) {
        int[] cps = name == null ? new int[0] : name.strip().codePoints().toArray();
        if (cps.length <= 1) {
            return "*";
        }
        StringBuilder b = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return b.append('*').toString();
        }
        b.append("*".repeat(cps.length - 2));
        return b.appendCodePoint(cps[cps.length - 1]).toString();
    }

    /** Classroom hours in the package's word, 学时, at the class's hour length, to one decimal. */
    public String classroomClassHours() {
        return String.format(Locale.ROOT, "%.1f", classroomSeconds / 60.0 / classHourMinutes);
    }

    public String minimumClassHours() {
        return String.format(Locale.ROOT, "%.1f", minimumMinutes / (double) classHourMinutes);
    }
}
