package cn.imtp.media.storage.control;

import cn.imtp.platform.problem.PlatformException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while object storage answers and the bucket exists (it is created on first check). */
@Readiness
@ApplicationScoped
public class StorageReadiness implements HealthCheck {

    @Inject
    ObjectStore store;

    @Inject
    StorageSettings settings;

    @Override
    public HealthCheckResponse call() {
        try {
            store.ensureBucket();
            return HealthCheckResponse.named("object-storage").up()
                    .withData("endpoint", settings.endpoint()).withData("bucket", settings.bucket()).build();
        } catch (PlatformException e) {
            return HealthCheckResponse.named("object-storage").down().withData("error", e.getMessage()).build();
        }
    }
}
