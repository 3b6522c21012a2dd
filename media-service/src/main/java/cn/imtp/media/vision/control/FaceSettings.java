package cn.imtp.media.vision.control;

import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Face-check settings (lms.faces.*): the thresholds of {@link FaceRules}, the most frames and bytes a check may send,
 * and the key that encrypts face photos in storage, read from a file (never from the database).
 */
@ApplicationScoped
public class FaceSettings {

    private static final Logger LOG = Logger.getLogger(FaceSettings.class.getName());

    private FaceRules rules;
    private int maxFrames;
    private int maxImageBytes;
    private SecretKey key;

    @PostConstruct
    void read() {
        Config config = ConfigProvider.getConfig();
        rules = new FaceRules(
                config.getValue("lms.faces.match-threshold", Double.class),
                config.getValue("lms.faces.min-face-share", Double.class),
                config.getValue("lms.faces.min-sharpness", Double.class),
                config.getValue("lms.faces.min-motion", Double.class),
                2);
        maxFrames = config.getValue("lms.faces.max-frames", Integer.class);
        maxImageBytes = config.getValue("lms.faces.max-image-bytes", Integer.class);
        Optional<String> file =
                config.getOptionalValue("lms.faces.key-file", String.class).filter(s -> !s.isBlank());
        if (file.isPresent()) {
            try {
                byte[] bytes = Base64.getDecoder()
                        .decode(Files.readString(Path.of(file.get())).trim());
                if (bytes.length != 32) {
                    throw new IllegalStateException("the face key in " + file.get() + " is not 32 bytes (base64)");
                }
                key = new SecretKeySpec(bytes, "AES");
            } catch (IOException e) {
                LOG.warning(() ->
                        "face checks are off: the key file " + file.get() + " cannot be read (" + e.getMessage() + ")");
            }
        } else {
            LOG.warning("face checks are off: lms.faces.key-file is not set");
        }
    }

    public FaceRules rules() {
        return rules;
    }

    public int maxFrames() {
        return maxFrames;
    }

    public int maxImageBytes() {
        return maxImageBytes;
    }

    /** The photo key; 503 when none is configured (face photos are never stored unencrypted). */
    public SecretKey key() {
        if (key == null) {
            throw PlatformException.unavailable(
                    "Face checks",
                    new Words(
                            "人脸核验未配置加密密钥，暂不可用；请管理员设置 lms.faces.key-file。",
                            "Face checks have no encryption key configured (lms.faces.key-file)."));
        }
        return key;
    }
}
