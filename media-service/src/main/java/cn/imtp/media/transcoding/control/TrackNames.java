package cn.imtp.media.transcoding.control;

import cn.imtp.media.asset.entity.Probe;
import cn.imtp.media.hls.Playlists;
import cn.imtp.platform.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a source's audio and subtitle tracks are named for players: a BCP 47 language from the file's ISO 639 tag, and
 * a name to show (the track's own title when it has a usable one, else the language in Chinese, else its number).
 * Pure.
 */
public final class TrackNames {

    /** The longest name a player's menu shows (the caption names' limit). */
    static final int MAX_LABEL = 64;

    private static final Pattern TWO = Pattern.compile("[a-z]{2}");
    private static final Pattern THREE = Pattern.compile("[a-z]{3}");
    /** ISO 639-2 bibliographic codes (what Matroska files carry) whose terminology code Java knows instead. */
    private static final Map<String, String> BIBLIOGRAPHIC = Map.ofEntries(
            Map.entry("chi", "zh"),
            Map.entry("ger", "de"),
            Map.entry("fre", "fr"),
            Map.entry("dut", "nl"),
            Map.entry("cze", "cs"),
            Map.entry("gre", "el"),
            Map.entry("per", "fa"),
            Map.entry("rum", "ro"),
            Map.entry("slo", "sk"),
            Map.entry("wel", "cy"),
            Map.entry("arm", "hy"),
            Map.entry("baq", "eu"),
            Map.entry("bur", "my"),
            Map.entry("geo", "ka"),
            Map.entry("ice", "is"),
            Map.entry("mac", "mk"),
            Map.entry("mao", "mi"),
            Map.entry("may", "ms"),
            Map.entry("alb", "sq"),
            Map.entry("tib", "bo"));

    private TrackNames() {}

    /** The BCP 47 language of a tag such as {@code chi}, {@code zho}, {@code eng} or {@code en}; {@code und} when unknown. */
    public static String language(String tag) {
        String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
        if (TWO.matcher(t).matches()) {
            return t;
        }
        if (!THREE.matcher(t).matches() || t.equals("und") || t.equals("mis") || t.equals("mul") || t.equals("zxx")) {
            return "und";
        }
        if (BIBLIOGRAPHIC.containsKey(t)) {
            return BIBLIOGRAPHIC.get(t);
        }
        for (String two : Locale.getISOLanguages()) {
            if (new Locale(two).getISO3Language().equals(t)) {
                return two;
            }
        }
        return t; // a three-letter code without a two-letter one is valid BCP 47 as it is
    }

    /** What a player shows for track {@code number} (from 1): its title, or its language in Chinese, or 音轨 N / 字幕 N. */
    public static String label(String title, String language, int number, boolean subtitle) {
        if (title != null
                && !title.isBlank()
                && title.strip().length() <= MAX_LABEL
                && Playlists.isQuotable(title.strip())) {
            return title.strip();
        }
        if (!"und".equals(language)) {
            String name = Locale.forLanguageTag(language).getDisplayLanguage(Locale.SIMPLIFIED_CHINESE);
            if (!name.isBlank() && !name.equals(language)) {
                return name;
            }
        }
        return (subtitle ? "字幕 " : "音轨 ") + number;
    }

    /** A text subtitle track kept as the asset's captions under {@code key}. */
    public record Kept(Probe.SubtitleTrack track, String key) {}

    /** The longest note the asset keeps (its column). */
    static final int MAX_NOTE = 1000;

    /**
     * What the teacher is told about the source's tracks, Chinese then English: the audio tracks kept when there are
     * several, the subtitles kept as captions (with their keys), the picture subtitles that could not be and the text
     * ones that could not be read. Null when the source has one audio track at most and no subtitles.
     */
    public static String note(Probe probe, List<Kept> kept) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (probe.audioTracks().size() > 1) {
            Probe.AudioTrack main = probe.mainAudio();
            List<String> names = new ArrayList<>();
            for (Probe.AudioTrack t : probe.audioTracks()) {
                String name = label(t.title(), language(t.language()), t.index() + 1, false);
                names.add(t.equals(main) ? name + "（默认）" : name);
            }
            zh.add("保留了 " + names.size() + " 条音轨：" + String.join("、", names) + "，学员可在播放器中切换。");
            en.add("Kept " + names.size() + " audio tracks (" + String.join(", ", names)
                    + "); learners choose one in the player.");
        }
        if (!kept.isEmpty()) {
            String list = kept.stream()
                    .map(k -> label(
                                    k.track().title(),
                                    language(k.track().language()),
                                    k.track().index() + 1,
                                    true) + "（" + k.key() + "）")
                    .collect(Collectors.joining("、"));
            zh.add("内嵌字幕已转为字幕轨：" + list + "，可替换或删除。");
            en.add("Embedded subtitles became caption tracks you can replace or delete: " + list + ".");
        }
        List<String> pictures = probe.subtitles().stream()
                .filter(s -> !s.isText())
                .map(Probe.SubtitleTrack::codec)
                .toList();
        if (!pictures.isEmpty()) {
            zh.add("未保留 " + pictures.size() + " 条图形字幕（" + String.join("、", pictures)
                    + "）：它们是图片，无法转为文字；如需字幕，请上传 WebVTT 字幕文件。");
            en.add("Left out " + pictures.size() + " picture subtitle track(s) (" + String.join(", ", pictures)
                    + "): they are images, not text; upload a WebVTT file for captions.");
        }
        long unread =
                probe.subtitles().stream().filter(Probe.SubtitleTrack::isText).count() - kept.size();
        if (unread > 0) {
            zh.add("有 " + unread + " 条文字字幕无法读取，未保留。");
            en.add(unread + " text subtitle track(s) could not be read and were left out.");
        }
        if (zh.isEmpty()) {
            return null;
        }
        String note = new Words(String.join("", zh), String.join(" ", en)).stored();
        return note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE - 1) + "…";
    }
}
