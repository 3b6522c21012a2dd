package cn.imtp.platform.problem;

import cn.imtp.platform.text.Language;
import java.util.Locale;
import java.util.Map;

/**
 * The problem documents' titles in Chinese: one catalogue for every title the platform raises, the container's HTTP
 * reason phrases included. A title is stable per kind of problem (RFC 9457), so it is keyed by its English.
 */
final class Titles {

    private static final Map<String, String> ZH = Map.ofEntries(
            Map.entry("malformed request body", "请求内容格式错误"),
            Map.entry("sign-in failed", "登录失败"),
            Map.entry("invalid grant", "授权无效"),
            Map.entry("invalid playback token", "播放凭证无效"),
            Map.entry("invalid token", "令牌无效"),
            Map.entry("missing grant", "缺少授权"),
            Map.entry("missing playback token", "缺少播放凭证"),
            Map.entry("revoked grant", "授权已撤销"),
            Map.entry("token no longer valid", "登录已失效"),
            Map.entry("sign-in required", "需要登录"),
            Map.entry("account disabled", "账号已停用"),
            Map.entry("forbidden", "无权访问"),
            Map.entry("password change required", "需要修改密码"),
            Map.entry("not found", "未找到"),
            Map.entry("conflict", "操作冲突"),
            Map.entry("not yet playable", "暂不可播放"),
            Map.entry("face check required", "需要人脸核验"),
            Map.entry("replaced", "已被替代"),
            Map.entry("session ended", "会话已结束"),
            Map.entry("too late", "已过截止时间"),
            Map.entry("file too large", "文件过大"),
            Map.entry("too large", "内容过大"),
            Map.entry("invalid input", "输入无效"),
            Map.entry("file rejected", "文件未通过检查"),
            Map.entry("too many requests", "请求过于频繁"),
            Map.entry("too many status streams", "状态连接过多"),
            Map.entry("busy", "系统繁忙"),
            Map.entry("internal error", "内部错误"),
            Map.entry("database unavailable", "数据库暂不可用"),
            Map.entry("catalogue unavailable", "培训包目录暂不可用"),
            Map.entry("face checks unavailable", "人脸核验暂不可用"),
            Map.entry("measures unavailable", "录像检测暂不可用"),
            Map.entry("object storage unavailable", "对象存储暂不可用"),
            Map.entry("the media service unavailable", "媒体服务暂不可用"),
            Map.entry("not usable", "无法使用"),
            Map.entry("photo not usable", "照片无法使用"),
            Map.entry("bad request", "请求无效"),
            Map.entry("unauthorized", "需要登录"),
            Map.entry("method not allowed", "请求方法不允许"),
            Map.entry("not acceptable", "无法提供所要求的格式"),
            Map.entry("unsupported media type", "不支持的内容类型"),
            Map.entry("request entity too large", "内容过大"),
            Map.entry("payload too large", "内容过大"),
            Map.entry("gone", "已不存在"),
            Map.entry("precondition failed", "前提条件不满足"),
            Map.entry("requested range not satisfiable", "请求的范围无效"),
            Map.entry("range not satisfiable", "请求的范围无效"),
            Map.entry("service unavailable", "服务暂不可用"),
            Map.entry("length required", "缺少内容长度"),
            Map.entry("unprocessable entity", "输入无效"));

    private Titles() {}

    /** {@code english} in the reader's language: its Chinese from the catalogue ("出错了" for a title it does not know). */
    static String of(String english, Language language) {
        if (language == Language.EN || english == null) {
            return english;
        }
        String zh = ZH.get(english.toLowerCase(Locale.ROOT));
        return zh != null ? zh : english.startsWith("Error ") ? "请求出错（" + english.substring(6) + "）" : "出错了";
    }
}
