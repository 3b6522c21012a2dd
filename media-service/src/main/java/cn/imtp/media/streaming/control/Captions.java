package cn.imtp.media.streaming.control;

import cn.imtp.media.asset.control.Assets;
import cn.imtp.media.asset.entity.Asset;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
    cn.imtp.media.storage.control.ObjectStore store;

    public Assets.Caption put(UUID assetId, String language, String name, byte[] body) {
        Asset a = assets.get(assetId);
        if (a.kind() != cn.imtp.media.asset.entity.MediaKind.VIDEO) {
            throw PlatformException.conflict("Captions belong to videos; this file is a " + a.kind() + ".");
        }
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw PlatformException.invalid("The language must be a code such as zh, zh-CN or en.",
                    List.of(new FieldError("language", "a BCP 47 code")));
        }
        if (name != null && (name.strip().length() > MAX_NAME || !Playlists.isQuotable(name))) {
            throw PlatformException.invalid("A caption track's name is one line of at most " + MAX_NAME
                    + " characters without double quotes, such as 中文字幕 or English.",
                    List.of(new FieldError("name", "one line, no double quote, at most " + MAX_NAME + " characters")));
        }
        if (body == null || body.length == 0 || body.length > MAX_BYTES) {
            throw PlatformException.invalid("Send the WebVTT file as the request body (at most " + MAX_BYTES + " bytes).",
                    List.of(new FieldError("body", "a WebVTT file")));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw PlatformException.invalid("A WebVTT file is UTF-8 text; this one is not.", List.of(new FieldError("body", "not UTF-8")));
        }
        if (!text.replaceFirst("^\\uFEFF", "").startsWith("WEBVTT")) {
            throw PlatformException.invalid("This is not a WebVTT file: it must begin with the line WEBVTT.",
                    List.of(new FieldError("body", "no WEBVTT header")));
        }
        Assets.Caption caption = new Assets.Caption(language, name == null || name.isBlank() ? language : name.strip());
        java.nio.file.Path tmp = null;
        try {
            tmp = java.nio.file.Files.createTempFile("caption", ".vtt");
            java.nio.file.Files.write(tmp, body);
            store.put(Asset.captionKey(assetId, language), tmp, "text/vtt; charset=utf-8");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
            throw PlatformException.notFound("Captions in", language);
        }
        store.remove(Asset.captionKey(assetId, language));
    }
}
