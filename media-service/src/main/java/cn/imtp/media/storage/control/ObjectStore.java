package cn.imtp.media.storage.control;

import cn.imtp.platform.problem.PlatformException;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.MinioException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** The one place that talks to object storage. */
@ApplicationScoped
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class.getName());

    @Inject
    MinioClient client;

    @Inject
    StorageSettings settings;

    /**
     * Created at deployment, not on the first request: readiness checks run on Payara's own threads,
     * where the WAR's configuration is not visible, so the settings must be read here.
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        try {
            ensureBucket();
        } catch (PlatformException e) {
            LOG.warning(() -> "Object storage is not reachable at start-up; readiness stays DOWN until it is: " + e.getMessage());
        }
    }

    /** True when the configured bucket exists; a storage outage is a 503 problem, never a stack trace. */
    public boolean bucketExists() {
        try {
            return client.bucketExists(BucketExistsArgs.builder().bucket(settings.bucket()).build());
        } catch (MinioException | RuntimeException e) {
            throw PlatformException.unavailable("Object storage",
                    "Object storage at " + settings.endpoint() + " did not answer (" + e.getMessage() + "); try again later.");
        }
    }

    /** Creates the bucket when it is missing, so that a fresh MinIO or S3 works without manual steps. */
    public void ensureBucket() {
        if (!bucketExists()) {
            try {
                client.makeBucket(MakeBucketArgs.builder().bucket(settings.bucket()).build());
                LOG.info(() -> "Created bucket " + settings.bucket());
            } catch (MinioException | RuntimeException e) {
                throw PlatformException.unavailable("Object storage", "Could not create bucket " + settings.bucket() + ": " + e.getMessage());
            }
        }
    }
}
