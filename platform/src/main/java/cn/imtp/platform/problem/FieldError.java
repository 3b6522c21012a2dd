package cn.imtp.platform.problem;

/** One invalid input field: where it is (a JSON path such as {@code learners[3].idNumber}) and what is wrong. */
public record FieldError(String field, String message) {
}
