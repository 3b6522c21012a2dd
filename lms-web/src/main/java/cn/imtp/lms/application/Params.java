package cn.imtp.lms.application;

import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import java.util.Arrays;
import java.util.List;

/** Reading path and query parameters that name an enum constant (a level, a job type…), with a 422 that lists the choices. */
public final class Params {

    private Params() {}

    public static <E extends Enum<E>> E required(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            String choices = String.join(
                    "、", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            throw PlatformException.invalid(
                    new Words(
                            "“" + value + "”无效，须为以下之一：" + choices + "。",
                            field + " '" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()) + "."),
                    List.of(new FieldError(
                            field,
                            new Words("须为以下之一：" + choices, "one of " + Arrays.toString(type.getEnumConstants())))));
        }
    }

    /** Null when absent or blank. */
    public static <E extends Enum<E>> E optional(Class<E> type, String field, String value) {
        return value == null || value.isBlank() ? null : required(type, field, value);
    }
}
