package cn.imtp.lms.identity.control;

import cn.imtp.lms.identity.entity.IdDocumentType;
import cn.imtp.platform.text.Words;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation and masking of identity documents and phone numbers; pure. */
public final class IdDocuments {

    /** Province-level codes of GB/T 2260 (the first two digits of a resident ID number). */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82");

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,17}");
    private static final Pattern HK_MACAO = Pattern.compile("[HM]\\d{8}(\\d{2})?");
    private static final Pattern TAIWAN = Pattern.compile("\\d{8}(\\d{2})?");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private IdDocuments() {}

    /** What people call a document type, in both languages (pages, exports and import messages alike). */
    public static Words label(IdDocumentType type) {
        return switch (type) {
            case MAINLAND_ID_CARD -> new Words("居民身份证", "resident ID card");
            case PASSPORT -> new Words("护照", "passport");
            case HK_MACAO_TRAVEL_PERMIT -> new Words("港澳居民来往内地通行证", "HK/Macao travel permit");
            case TAIWAN_TRAVEL_PERMIT -> new Words("台湾居民来往大陆通行证", "Taiwan travel permit");
        };
    }

    /**
     * The type a file names: its code ({@code PASSPORT}), what people call it in either language ({@code 护照},
     * {@code passport}) or a common short name ({@code 身份证}, {@code 台胞证}), case and spaces aside; empty when it
     * names none. Only a name written in plain ASCII or Han characters names a type: a look-alike that Java's case
     * folding would map to a letter ({@code ſ}, the Kelvin sign, {@code ı}), a full-width letter or an invisible
     * character never does.
     */
    public static java.util.Optional<IdDocumentType> typeNamed(String name) {
        String n = name == null ? "" : name.strip();
        if (!unusualCharacters(n).isEmpty()) {
            return java.util.Optional.empty();
        }
        for (IdDocumentType t : IdDocumentType.values()) {
            Words l = label(t);
            if (t.name().equalsIgnoreCase(n)
                    || l.zh().equals(n)
                    || l.en().equalsIgnoreCase(n)
                    || SHORT_NAMES.getOrDefault(n, null) == t) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The characters of a type's name that are neither printable ASCII nor Han, in their order, each once (empty: a
     * plain name).
     */
    public static java.util.List<Integer> unusualCharacters(String name) {
        return name.codePoints()
                .filter(c -> (c < 0x20 || c > 0x7E) && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN)
                .distinct()
                .boxed()
                .toList();
    }

    /**
     * The types whose names (as {@link #typeNamed} takes them) a text contains, in their order: a cell naming two
     * ({@code 身份证/护照}) is told so. Case aside for the ASCII names.
     */
    public static java.util.List<IdDocumentType> typesNamedWithin(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return java.util.Arrays.stream(IdDocumentType.values())
                .filter(t -> java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(t.name(), label(t).zh(), label(t).en()),
                                SHORT_NAMES.entrySet().stream()
                                        .filter(e -> e.getValue() == t)
                                        .map(java.util.Map.Entry::getKey))
                        .anyMatch(n -> lower.contains(n.toLowerCase(java.util.Locale.ROOT))))
                .toList();
    }

    /** What people often write instead of a document's full name (each names one type only). */
    private static final java.util.Map<String, IdDocumentType> SHORT_NAMES = java.util.Map.of(
            "身份证", IdDocumentType.MAINLAND_ID_CARD,
            "港澳通行证", IdDocumentType.HK_MACAO_TRAVEL_PERMIT,
            "回乡证", IdDocumentType.HK_MACAO_TRAVEL_PERMIT,
            "台胞证", IdDocumentType.TAIWAN_TRAVEL_PERMIT);

    /** The number as stored: trimmed, upper-case. */
    public static String normalise(String number) {
        return number == null ? null : number.trim().toUpperCase();
    }

    /** Null when valid, otherwise what is wrong, in words a user can act on. */
    public static Words problemWith(IdDocumentType type, String rawNumber, LocalDate today) {
        String number = normalise(rawNumber);
        if (number == null || number.isEmpty()) {
            return new Words("必填", "is required");
        }
        return switch (type) {
            case MAINLAND_ID_CARD -> mainlandProblem(number, today);
            case PASSPORT ->
                PASSPORT.matcher(number).matches()
                        ? null
                        : new Words("护照号码由 5 至 17 位字母和数字组成", "a passport number has 5 to 17 letters and digits");
            case HK_MACAO_TRAVEL_PERMIT ->
                HK_MACAO.matcher(number).matches()
                        ? null
                        : new Words(
                                "港澳居民来往内地通行证号码为 H 或 M 后接 8 位或 10 位数字",
                                "a Hong Kong/Macao travel permit number is H or M followed by 8 or 10 digits");
            case TAIWAN_TRAVEL_PERMIT ->
                TAIWAN.matcher(number).matches()
                        ? null
                        : new Words("台湾居民来往大陆通行证号码为 8 位或 10 位数字", "a Taiwan travel permit number has 8 or 10 digits");
        };
    }

    private static Words mainlandProblem(String n, LocalDate today) {
        if (n.length() != 18) {
            return new Words(
                    "居民身份证号码应为 18 位，此号码为 " + n.length() + " 位",
                    "a resident ID number has 18 characters, this one has " + n.length());
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(n.charAt(i))) {
                return new Words("居民身份证号码的前 17 位应为数字", "the first 17 characters of a resident ID number are digits");
            }
        }
        if (!PROVINCES.contains(n.substring(0, 2))) {
            return new Words(
                    "地区代码 " + n.substring(0, 6) + " 不是中国的行政区划代码",
                    "region code " + n.substring(0, 6) + " is not a region of China");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(
                    Integer.parseInt(n.substring(6, 10)),
                    Integer.parseInt(n.substring(10, 12)),
                    Integer.parseInt(n.substring(12, 14)));
        } catch (DateTimeException e) {
            return new Words(
                    "出生日期 " + n.substring(6, 14) + " 不是有效日期", "birth date " + n.substring(6, 14) + " is not a date");
        }
        if (birth.isAfter(today) || birth.getYear() < 1900) {
            return new Words(
                    "出生日期 " + n.substring(6, 14) + " 不合理", "birth date " + n.substring(6, 14) + " is not plausible");
        }
        char expected = checkDigit(n.substring(0, 17));
        if (n.charAt(17) != expected) {
            return new Words("校验位不正确（号码可能输入有误）", "the check digit is wrong (the number may be mistyped)");
        }
        return null;
    }

    /** The 18th character of a resident ID number (ISO 7064 MOD 11-2). */
    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    public static Words phoneProblem(String phone) {
        return phone == null || MOBILE.matcher(phone.trim()).matches()
                ? null
                : new Words("手机号码为 11 位数字，以 13 至 19 开头", "a mobile number has 11 digits and starts with 13 to 19");
    }

    /** Keeps the first 3 and last 4 characters: {@code 110***********123X}. */
    public static String mask(String number) {
        if (number == null) {
            return null;
        }
        // At most a third of the characters show, whatever the document: split between its start and its end.
        int visible = number.length() / 3;
        int head = visible / 2;
        int tail = visible - head;
        return number.substring(0, head)
                + "*".repeat(number.length() - visible)
                + number.substring(number.length() - tail);
    }

    /** {@code 138****5678}. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
