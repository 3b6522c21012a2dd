package cn.imtp.media.storage.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Object storage settings (lms.s3.*), read once; see microprofile-config.properties for defaults. */
@ApplicationScoped
public class StorageSettings {

    private String endpoint;
    private String publicEndpoint;
    private String region;
    private String accessKey;
    private String secretKey;
    private String bucket;
    private int timeoutSeconds;

    @PostConstruct
    void read() {
        Config config = ConfigProvider.getConfig();
        endpoint = config.getValue("lms.s3.endpoint", String.class);
        publicEndpoint = config.getOptionalValue("lms.s3.public-endpoint", String.class)
                .filter(s -> !s.isBlank())
                .orElse(endpoint);
        region = config.getValue("lms.s3.region", String.class);
        accessKey = config.getValue("lms.s3.access-key", String.class);
        secretKey = config.getValue("lms.s3.secret-key", String.class);
        bucket = config.getValue("lms.s3.bucket", String.class);
        timeoutSeconds = config.getValue("lms.s3.timeout-seconds", Integer.class);
    }

    public String endpoint() {
        return endpoint;
    }

    /** The endpoint browsers reach (presigned URLs); the servers' endpoint unless configured otherwise. */
    public String publicEndpoint() {
        return publicEndpoint;
    }

    public String bucket() {
        return bucket;
    }

    /** How long a call to storage may take before storage counts as unavailable (a 503, never a hang). */
    int timeoutSeconds() {
        return timeoutSeconds;
    }

    String region() {
        return region;
    }

    String accessKey() {
        return accessKey;
    }

    String secretKey() {
        return secretKey;
    }
}
