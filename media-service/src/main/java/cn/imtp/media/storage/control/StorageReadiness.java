package cn.imtp.media.storage.control;

import cn.imtp.platform.problem.PlatformException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while object storage answers and the bucket exists (it is created on first check). */
@Readiness
@ApplicationScoped
public class StorageReadiness implements HealthCheck {

    @Inject
    ObjectStore store;

    @Override
    public HealthCheckResponse call() {
        try {
            store.ensureBucket();
            // Anyone may ask: the answer names no endpoint or bucket (GET /media/api/status shows them to
            // administrators).
            return HealthCheckResponse.named("object-storage").up().build();
        } catch (PlatformException e) {
            Logger.getLogger(StorageReadiness.class.getName())
                    .warning(() -> "object storage is not ready: " + e.getMessage());
            return HealthCheckResponse.named("object-storage").down().build();
        }
    }
}
