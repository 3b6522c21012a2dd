package cn.imtp.lms.questionbank.control;

import cn.imtp.lms.questionbank.entity.QuestionType;

/**
 * A question as papers are drawn from it: its id and type, and its unit by course code and name. Read with a JPQL
 * constructor expression ({@link QuestionBank#drawable}), so its components have the types of the entity's attributes.
 */
public record DrawableQuestion(Long id, QuestionType type, String courseCode, String unitName) {}
