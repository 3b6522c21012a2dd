package cn.imtp.ops.launcher;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo class's four resource packs (教学资源, 学习资源, 考核资源, 信息资源) each get a short PDF, so that a newcomer of
 * {@code ./ops/run} sees every pack filled: a lesson plan for the teachers, a study guide for the learners, a scoring
 * rubric shown to learners beside a sample paper with its answers that stays hidden from them, and a note on the rules
 * of live selling for everyone of the class. Done as a teacher would, through the public API ({@code teacher01}): each
 * PDF (a few kilobytes, written here with OpenPDF's STSong-Light, nothing embedded) is uploaded in one part straight to
 * storage, published, and the rubric shown to learners. Runs in the background after start-up, whenever the demo data is
 * on (documents are not transcoded: a few seconds in all), and only adds what the class does not have yet, by title.
 */
final class DemoResourcePacks implements Runnable {

    /** One demo document: its pack, whether it hangs on the plan's first unit, and whether learners see it. */
    record Demo(
            String category,
            boolean onUnit,
            boolean shownToLearners,
            String title,
            String fileName,
            List<String> lines) {}

    static final List<Demo> DEMOS = List.of(
            new Demo(
                    "TEACHING",
                    true,
                    false,
                    "教案：直播销售入门（演示）",
                    "lesson-plan.pdf",
                    List.of(
                            "教学目标：学员能说出直播销售的基本流程，能按脚本完成一段 3 分钟的商品讲解。",
                            "教学重点：直播前准备清单；商品卖点的提炼与表达。",
                            "教学难点：面对镜头时语速、节奏与互动的把握。",
                            "教学过程：导入（10 分钟，播放优秀直播片段）；讲授（25 分钟）；示范（20 分钟，教师按脚本演示）；" + "分组练习（30 分钟）；点评与小结（5 分钟）。",
                            "教学方法：讲授法、示范法、任务驱动法。",
                            "本教案为平台演示资料，供教师备课参考，学员不可见。")),
            new Demo(
                    "LEARNING",
                    true,
                    false,
                    "学习指南：直播前的准备（演示）",
                    "study-guide.pdf",
                    List.of(
                            "一、检查设备：手机或摄像头、补光灯、麦克风、网络（上行带宽不低于 4 Mbps）。",
                            "二、准备商品：样品、价格与优惠、库存、售后说明。",
                            "三、写好脚本：开场、商品讲解、互动、促单、结束，各环节的时长与话术。",
                            "四、合规自查：不夸大、不虚构，不使用“最好”“第一”等绝对化用语。",
                            "五、彩排一次：按脚本完整演练，记录用时，请同学提出改进意见。",
                            "本指南为平台演示资料。")),
            new Demo(
                    "ASSESSMENT",
                    true,
                    true,
                    "评分细则：直播脚本练习（演示）",
                    "rubric.pdf",
                    List.of(
                            "评分项目与分值（满分 100 分）：",
                            "1. 开场与自我介绍（10 分）：清楚、有亲和力。",
                            "2. 商品讲解（40 分）：卖点准确，信息真实，有演示。",
                            "3. 互动与节奏（20 分）：回应观众提问，时间分配合理。",
                            "4. 合规（20 分）：无虚假宣传、无绝对化用语。",
                            "5. 结束与引导（10 分）：总结清楚，售后说明完整。",
                            "本细则已由教师设置为学员可见。")),
            // No answers in it: a unit's assessment resources are the materials of an exam on that unit while an
            // attempt is open, whatever the switch says, and an answer key must never be one.
            new Demo(
                    "ASSESSMENT",
                    true,
                    false,
                    "样卷：直播销售基础（演示）",
                    "sample-paper.pdf",
                    List.of(
                            "一、判断题：直播中可以使用“全网最低价”的说法。（  ）",
                            "二、单选题：直播前最先要确认的是（  ）。A. 网络与设备  B. 背景音乐  C. 服装",
                            "三、简答题：简述直播脚本的五个环节。",
                            "本样卷由教师在考前练习时向学员开放。")),
            new Demo(
                    "INFORMATION",
                    false,
                    false,
                    "行业资讯：直播营销的合规要点（演示）",
                    "industry-note.pdf",
                    List.of(
                            "直播营销须遵守广告、消费者权益保护、产品质量等方面的法律法规，" + "以及网络直播营销的相关管理规定。",
                            "要点：如实介绍商品；明示价格与优惠条件；不得虚构交易、编造用户评价；" + "食品、化妆品等商品须核对资质。",
                            "本资讯为平台演示资料，具体要求以主管部门发布的最新文件为准。")));

    private final PlatformClient api;

    DemoResourcePacks(LauncherSettings settings) {
        this.api = new PlatformClient(settings.port());
    }

    /** Pauses before the next try after a failed one: the platform may be busy or a dependency briefly away. */
    static final List<Duration> RETRY_AFTER = List.of(
            Duration.ofSeconds(5),
            Duration.ofSeconds(15),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            Duration.ofSeconds(120));

    /**
     * Seeds, and tries again after a failure (a busy machine at start-up, storage or the database away for a moment):
     * each try only adds what is missing, so a retry never doubles a document.
     */
    @Override
    public void run() {
        for (int attempt = 0; ; attempt++) {
            try {
                log(seed());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // What another try cannot mend (a refused sign-in, no demo class, a refused request) ends it at once:
                // trying a wrong password again would only feed the sign-in throttle.
                boolean passing =
                        e instanceof PlatformClient.Answered a ? a.passing() : e instanceof java.io.IOException;
                if (!passing || attempt == RETRY_AFTER.size()) {
                    log("no demo resource packs after " + (attempt + 1) + " tries: " + e.getMessage());
                    return;
                }
                Duration pause = RETRY_AFTER.get(attempt);
                log("demo resource packs: try " + (attempt + 1) + " failed (" + e.getMessage() + "); again in "
                        + pause.toSeconds() + " s");
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private String seed() throws Exception {
        String token = api.signIn(DemoLessonVideo.TEACHER, DemoLessonVideo.PASSWORD);
        PlatformClient.DemoClass klass = api.demoClass(token, DemoLessonVideo.TEACHER, false);
        long classId = klass.id();
        long unitId = klass.unitId();
        Map<String, JsonObject> existing = PlatformClient.json(
                        api.call(token, "GET", "/api/resources?classId=" + classId + "&size=200", null, 200))
                .getJsonArray("items")
                .stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(r -> r.getString("title"), Function.identity(), (a, b) -> a));
        BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        int added = 0;
        for (Demo d : DEMOS) {
            JsonObject had = existing.get(d.title());
            if (had != null && PlatformClient.published(had)) {
                // An earlier try may have stopped between publishing and showing it.
                if (d.shownToLearners() && !had.getBoolean("shownToLearners", false)) {
                    showToLearners(token, had.getJsonNumber("id").longValue());
                }
                continue;
            }
            // An earlier start that stopped half-way left the resource unpublished: it gets a new version.
            long id = had != null ? had.getJsonNumber("id").longValue() : create(token, d, classId, unitId);
            byte[] pdf = pdf(song, d);
            JsonObject ticket = PlatformClient.json(api.call(
                    token,
                    "POST",
                    "/api/resources/" + id + "/versions",
                    Json.createObjectBuilder()
                            .add("fileName", d.fileName())
                            .add("size", pdf.length)
                            .build()
                            .toString(),
                    201));
            api.upload(
                    ticket,
                    d.fileName(),
                    "application/pdf",
                    pdf.length,
                    (offset, length) -> java.util.Arrays.copyOfRange(pdf, (int) offset, (int) offset + length),
                    Duration.ofMillis(500),
                    Duration.ofMinutes(3));
            api.call(
                    token,
                    "POST",
                    "/api/resources/" + id + "/versions/" + ticket.getInt("version") + "/publish",
                    null,
                    200);
            if (d.shownToLearners()) {
                showToLearners(token, id);
            }
            added++;
        }
        return added == 0
                ? "the demo class has its demo resource packs"
                : "added " + added + " demo document(s) to the resource packs of '" + klass.name() + "'";
    }

    private void showToLearners(String token, long id) throws Exception {
        api.call(token, "PUT", "/api/resources/" + id + "/learner-visibility", "{\"shown\":true}", 200);
    }

    private long create(String token, Demo d, long classId, long unitId) throws Exception {
        var b = Json.createObjectBuilder()
                .add("category", d.category())
                .add("kind", "DOCUMENT")
                .add("classId", classId)
                .add("title", d.title())
                .add("description", "由 ./ops/run 生成的演示文档（PDF，一页）。");
        if (d.onUnit()) {
            b.add("unitId", unitId);
        }
        return PlatformClient.json(
                        api.call(token, "POST", "/api/resources", b.build().toString(), 201))
                .getJsonNumber("id")
                .longValue();
    }

    /** One A4 page: the title and the lines, in STSong-Light (GB 2312 characters only). */
    static byte[] pdf(BaseFont song, Demo d) throws DocumentException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(d.title());
        doc.open();
        Paragraph title = new Paragraph(d.title(), new Font(song, 16, Font.BOLD));
        title.setSpacingAfter(12);
        doc.add(title);
        Font body = new Font(song, 11, Font.NORMAL);
        for (String line : d.lines()) {
            Paragraph p = new Paragraph(line, body);
            p.setSpacingAfter(6);
            doc.add(p);
        }
        doc.close();
        return out.toByteArray();
    }

    private static void log(String message) {
        System.out.println("[launcher] " + message);
    }
}
