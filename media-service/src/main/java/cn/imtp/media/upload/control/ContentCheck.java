package cn.imtp.media.upload.control;

import cn.imtp.media.asset.entity.MediaKind;
import cn.imtp.media.asset.entity.Probe;
import cn.imtp.platform.text.Words;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether an uploaded file is what it claims to be. Media files are judged by what ffprobe
 * found, documents and images by their first bytes; the name and the declared content type are never
 * trusted. Each refusal says what was wrong and what to do, in Chinese and English (the asset keeps it as one text,
 * the Chinese first).
 */
public final class ContentCheck {

    /** Bytes read from the start of a document or image. */
    public static final int HEAD_BYTES = 16;

    private ContentCheck() {}

    /** Before looking inside: the size object storage reports against the declared size and the limit. */
    public static Optional<Words> size(long storedBytes, long declaredBytes, long maxBytes) {
        if (storedBytes == 0) {
            return Optional.of(new Words(
                    "文件是空的（0 字节），请重新选择文件上传。", "The file is empty (0 bytes). Choose the file again and upload it."));
        }
        if (storedBytes > maxBytes) {
            return Optional.of(new Words(
                    "文件有 " + storedBytes + " 字节，超过了 " + maxBytes + " 字节的上限。",
                    "The file has " + storedBytes + " bytes, more than the limit of " + maxBytes + " bytes."));
        }
        if (storedBytes != declaredBytes) {
            return Optional.of(new Words(
                    "已上传 " + storedBytes + " 字节，但申报的大小是 " + declaredBytes + " 字节；请重新上传完整的文件。",
                    "The upload has " + storedBytes + " bytes but " + declaredBytes
                            + " were announced; upload the whole file again."));
        }
        return Optional.empty();
    }

    /**
     * A video or audio file, from its probe; {@code probeError} is what ffprobe said when it could not read the file at
     * all. The reason is for people (what is wrong, what to do, in Chinese and English); ffprobe's own words name the
     * internal address it read from and stay in the log.
     */
    public static Optional<Words> media(MediaKind kind, Probe probe, String probeError) {
        if (probe != null && isImage(probe.formatName())) {
            return Optional.of(
                    new Words(
                            "这是一张图片，不是视频或音频：请上传视频文件，或把图片作为图片资源添加。",
                            "This is a still image, not a video or audio file: upload the video, or add the picture as an image resource."));
        }
        if (probe == null) {
            String said = probeError == null ? "" : probeError.toLowerCase(Locale.ROOT);
            if (said.contains("moov atom not found")) {
                return Optional.of(new Words(
                        "文件不完整：这个 MP4 缺少索引（moov），通常是录制或复制中途被打断；请上传完整的文件。",
                        "The file is incomplete: this MP4 has no index (moov atom), usually because recording or copying was"
                                + " cut off; upload the complete file."));
            }
            return Optional.of(
                    new Words(
                            "无法读取：这不是视频或音频文件，或者文件已损坏；请检查后重新上传。",
                            "This is not a video or audio file that can be read, or the file is damaged; check it and upload it again."));
        }
        if (probe.durationMs() <= 0) {
            return Optional.of(new Words(
                    "文件没有可播放的时长；请上传完整的录像。", "The file has no playable duration; upload the complete recording."));
        }
        if (kind == MediaKind.AUDIO && !probe.hasAudio()) {
            return Optional.of(new Words("这个音频资源的文件没有声音轨道。", "This audio resource's file has no audio track."));
        }
        if (kind == MediaKind.VIDEO && !probe.hasVideo() && !probe.hasAudio()) {
            return Optional.of(new Words("文件既没有画面也没有声音。", "The file has neither a video nor an audio track."));
        }
        return Optional.empty();
    }

    /** ffprobe's names of still-image formats (image2, png_pipe, jpeg_pipe, webp_pipe, gif…). */
    static boolean isImage(String formatName) {
        if (formatName == null) {
            return false;
        }
        String f = formatName.toLowerCase(Locale.ROOT);
        return f.equals("image2") || f.endsWith("_pipe") || f.equals("gif") || f.equals("apng");
    }

    /** A document or image, from its first bytes. */
    public static Optional<Words> magic(MediaKind kind, byte[] head) {
        boolean ok = switch (kind) {
            case DOCUMENT ->
                startsWith(head, "%PDF-".getBytes())
                        || startsWith(head, new byte[] {'P', 'K', 3, 4})
                        || startsWith(head, new byte[] {
                            (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
                        });
            case IMAGE ->
                startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G'})
                        || startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})
                        || startsWith(head, "GIF8".getBytes())
                        || (startsWith(head, "RIFF".getBytes())
                                && head.length >= 12
                                && Arrays.equals(Arrays.copyOfRange(head, 8, 12), "WEBP".getBytes()));
            default -> throw new IllegalArgumentException(kind + " is checked by probing");
        };
        if (ok) {
            return Optional.empty();
        }
        return Optional.of(
                kind == MediaKind.DOCUMENT
                        ? new Words(
                                "文件不是 PDF 或 Office 文档（文件开头的内容与这些格式都不符）；请上传 PDF、DOCX、XLSX、PPTX 或旧版 Office 文件。",
                                "The file is not a PDF or Office document (its first bytes do not match any); upload a PDF, DOCX, XLSX, PPTX or a legacy Office file.")
                        : new Words(
                                "文件不是 PNG、JPEG、GIF 或 WebP 图片（文件开头的内容与这些格式都不符）；请上传这几种格式的图片。",
                                "The file is not a PNG, JPEG, GIF or WebP image (its first bytes do not match any)."));
    }

    /**
     * The type a checked document or image is served with, decided from its first bytes (an Office file's family
     * from its name's extension as well), never the type the client declared: a {@code %PDF-} file named .html is a
     * PDF. {@code application/octet-stream} when the bytes say a container but not which document it holds.
     */
    public static String servedType(byte[] head, String fileName) {
        String ext = extension(fileName);
        if (startsWith(head, "%PDF-".getBytes())) {
            return "application/pdf";
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            return switch (ext) {
                case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                case "pptx" -> "application/vnd.openxmlformats-officedocument.presentationml.presentation";
                default -> "application/octet-stream";
            };
        }
        if (startsWith(head, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})) {
            return switch (ext) {
                case "doc" -> "application/msword";
                case "xls" -> "application/vnd.ms-excel";
                case "ppt" -> "application/vnd.ms-powerpoint";
                default -> "application/octet-stream";
            };
        }
        if (startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return "image/png";
        }
        if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "image/jpeg";
        }
        if (startsWith(head, "GIF8".getBytes())) {
            return "image/gif";
        }
        if (startsWith(head, "RIFF".getBytes())) {
            return "image/webp";
        }
        return "application/octet-stream";
    }

    /** The name a file is downloaded under: the uploader's, with the extension of the type it is served as. */
    public static String servedName(String fileName, String type) {
        String want = switch (type) {
            case "application/pdf" -> "pdf";
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            case "image/gif" -> "gif";
            case "image/webp" -> "webp";
            case "application/msword" -> "doc";
            case "application/vnd.ms-excel" -> "xls";
            case "application/vnd.ms-powerpoint" -> "ppt";
            default -> type.startsWith("application/vnd.openxmlformats") ? extension(fileName) : "bin";
        };
        String ext = extension(fileName);
        if (ext.equals(want) || (want.equals("jpg") && ext.equals("jpeg"))) {
            return fileName;
        }
        String base = ext.isEmpty() ? fileName : fileName.substring(0, fileName.length() - ext.length() - 1);
        return (base.length() > 240 ? base.substring(0, 240) : base) + "." + want;
    }

    private static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length && Arrays.equals(Arrays.copyOf(head, prefix.length), prefix);
    }
}
