package cn.imtp.media.asset.control;

import cn.imtp.media.asset.entity.Asset;
import cn.imtp.media.asset.entity.MediaKind;
import cn.imtp.media.hls.Playlists;
import cn.imtp.media.storage.control.ObjectStore;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * WebVTT caption tracks of a video. They are small text files, so they come through media-service
 * (checked: UTF-8, a WEBVTT header, at most {@value #MAX_BYTES} bytes) instead of straight to storage.
 */
@ApplicationScoped
public class Captions {

    static final int MAX_BYTES = 2 << 20;
    /** The longest name a player's caption menu shows. */
    static final int MAX_NAME = 64;

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    @Inject
    Assets assets;

    @Inject
    ObjectStore store;

    public Assets.Caption put(UUID assetId, String language, String name, byte[] body) {
        Asset a = assets.get(assetId);
        if (a.kind() != MediaKind.VIDEO) {
            throw PlatformException.conflict(new Words(
                    "只有视频才能添加字幕；这是" + a.kind().words().zh() + "文件。",
                    "Captions belong to videos; this file is "
                            + a.kind().words().en() + "."));
        }
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw PlatformException.invalid(
                    new Words("语言须为 zh、zh-CN 或 en 这样的代码。", "The language must be a code such as zh, zh-CN or en."),
                    List.of(new FieldError("language", new Words("须为 BCP 47 语言代码", "a BCP 47 code"))));
        }
        if (name != null && (name.strip().length() > MAX_NAME || !Playlists.isQuotable(name))) {
            throw PlatformException.invalid(
                    new Words(
                            "字幕轨名称须为一行，不超过 " + MAX_NAME + " 个字符且不含双引号，例如 中文字幕 或 English。",
                            "A caption track's name is one line of at most " + MAX_NAME
                                    + " characters without double quotes, such as 中文字幕 or English."),
                    List.of(new FieldError(
                            "name",
                            new Words(
                                    "须为一行，不含双引号，不超过 " + MAX_NAME + " 个字符",
                                    "one line, no double quote, at most " + MAX_NAME + " characters"))));
        }
        if (body == null || body.length == 0 || body.length > MAX_BYTES) {
            throw PlatformException.invalid(
                    new Words(
                            "请把 WebVTT 字幕文件作为请求内容发送（不超过 " + MAX_BYTES + " 字节）。",
                            "Send the WebVTT file as the request body (at most " + MAX_BYTES + " bytes)."),
                    List.of(new FieldError("body", new Words("须为 WebVTT 字幕文件", "a WebVTT file"))));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw PlatformException.invalid(
                    new Words(
                            "WebVTT 字幕文件须为 UTF-8 编码的文本，这个文件不是；请另存为 UTF-8 后重新上传。",
                            "A WebVTT file is UTF-8 text; this one is not."),
                    List.of(new FieldError("body", new Words("不是 UTF-8 编码", "not UTF-8"))));
        }
        if (!text.replaceFirst("^\\uFEFF", "").startsWith("WEBVTT")) {
            throw PlatformException.invalid(
                    new Words(
                            "这不是 WebVTT 字幕文件：文件须以 WEBVTT 这一行开头。",
                            "This is not a WebVTT file: it must begin with the line WEBVTT."),
                    List.of(new FieldError("body", new Words("缺少开头的 WEBVTT 一行", "no WEBVTT header"))));
        }
        Assets.Caption caption = new Assets.Caption(language, name == null || name.isBlank() ? language : name.strip());
        Path tmp = null;
        try {
            tmp = Files.createTempFile("caption", ".vtt");
            Files.write(tmp, body);
            store.put(Asset.captionKey(assetId, language), tmp, "text/vtt; charset=utf-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                tmp.toFile().delete();
            }
        }
        assets.putCaption(assetId, caption);
        return caption;
    }

    /** Deletes a caption track (uploaded, or kept from the file's own subtitles): players no longer offer it. 404 when there is none. */
    public void delete(UUID assetId, String language) {
        if (!assets.deleteCaption(assetId, language)) {
            throw PlatformException.notFound(new Words("该视频没有所选语言的字幕。", "Captions in " + language + " do not exist."));
        }
        store.remove(Asset.captionKey(assetId, language));
    }
}
