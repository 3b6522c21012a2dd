package cn.imtp.lms.application;

import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Request bodies read whole (imports): never more than their limit is read, and text must be UTF-8. */
public final class Bodies {

    /** The largest CSV an import takes (2 MB: tens of thousands of questions or learners). */
    public static final int MAX_CSV_BYTES = 2 << 20;

    private Bodies() {}

    /** At most {@code max} bytes of the body, or 413 saying what to do. */
    public static byte[] bytes(InputStream body, int max, String what) throws IOException {
        byte[] read = body == null ? new byte[0] : body.readNBytes(max + 1);
        if (read.length > max) {
            throw new PlatformException(
                    413,
                    "too-large",
                    "Too large",
                    new Words(
                            "文件过大（上限 " + max + " 字节），请拆分为多个文件。",
                            "A " + what + " may have at most " + max + " bytes; split it into several files."));
        }
        return read;
    }

    /** A CSV body as text: at most {@link #MAX_CSV_BYTES}, UTF-8 (with or without a byte-order mark). */
    public static String csv(InputStream body, String what) throws IOException {
        byte[] read = bytes(body, MAX_CSV_BYTES, what);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(read))
                    .toString();
        } catch (CharacterCodingException e) {
            throw PlatformException.invalid(
                    new Words(
                            "文件不是 UTF-8 编码的文本，请以“CSV UTF-8”格式保存。",
                            "The " + what + " is not UTF-8 text; save it as \"CSV UTF-8\"."),
                    List.of(new FieldError("body", new Words("不是 UTF-8 编码", "not UTF-8"))));
        }
    }
}
