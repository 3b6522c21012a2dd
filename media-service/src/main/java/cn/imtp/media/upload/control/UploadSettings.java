package cn.imtp.media.upload.control;

import cn.imtp.media.asset.entity.MediaKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Upload limits (lms.upload.*); defaults in microprofile-config.properties. */
@ApplicationScoped
public class UploadSettings {

    @Inject
    @ConfigProperty(name = "lms.upload.max-bytes")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "lms.upload.kinds")
    String kinds;

    @Inject
    @ConfigProperty(name = "lms.upload.part-url-minutes")
    int partUrlMinutes;

    @Inject
    @ConfigProperty(name = "lms.upload.abandon-after-minutes")
    int abandonAfterMinutes;

    public long maxBytes() {
        return maxBytes;
    }

    public Set<MediaKind> kinds() {
        return Arrays.stream(kinds.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> MediaKind.valueOf(s.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toSet());
    }

    public int partUrlMinutes() {
        return partUrlMinutes;
    }

    public int abandonAfterMinutes() {
        return abandonAfterMinutes;
    }
}
