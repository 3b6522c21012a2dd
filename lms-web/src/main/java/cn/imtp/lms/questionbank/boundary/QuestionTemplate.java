package cn.imtp.lms.questionbank.boundary;

import cn.imtp.lms.documents.ExportTable;
import cn.imtp.lms.questionbank.control.QuestionContent;
import cn.imtp.lms.questionbank.control.QuestionCsv;
import cn.imtp.lms.questionbank.entity.QuestionType;
import cn.imtp.platform.text.Words;
import java.util.List;

/** The import template: the header and one question of each type on a unit of the basic course. */
final class QuestionTemplate {

    private QuestionTemplate() {}

    static ExportTable table() {
        String course = "1-2";
        String unit = "职业道德与职业守则";
        return new ExportTable(
                new Words("试题", "questions"),
                QuestionCsv.headings(),
                List.of(
                        QuestionCsv.row(
                                null,
                                null,
                                course,
                                unit,
                                new QuestionContent(
                                        QuestionType.SINGLE_CHOICE,
                                        2,
                                        "互联网营销师在直播中介绍商品时，应当做到（ ）。",
                                        List.of("夸大功效吸引下单", "如实介绍商品信息", "隐瞒商品瑕疵", "只介绍赠品"),
                                        "B",
                                        "《广告法》与职业守则要求如实介绍商品。")),
                        QuestionCsv.row(
                                null,
                                null,
                                course,
                                unit,
                                new QuestionContent(
                                        QuestionType.MULTIPLE_CHOICE,
                                        3,
                                        "下列属于互联网营销师职业守则的有（ ）。",
                                        List.of("遵纪守法，诚实守信", "恪尽职守，勇于创新", "虚构交易，刷单炒信", "钻研业务，团队协作"),
                                        "ABD",
                                        "虚构交易违反《电子商务法》。")),
                        QuestionCsv.row(
                                null,
                                null,
                                course,
                                unit,
                                new QuestionContent(
                                        QuestionType.TRUE_FALSE,
                                        1,
                                        "直播营销中可以使用“最佳”“第一”等绝对化用语宣传商品。",
                                        List.of(),
                                        "F",
                                        "《广告法》禁止使用绝对化用语。"))));
    }
}
