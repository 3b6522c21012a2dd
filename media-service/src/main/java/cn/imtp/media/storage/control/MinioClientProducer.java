package cn.imtp.media.storage.control;

import io.minio.MinioClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

@ApplicationScoped
public class MinioClientProducer {

    @Inject
    StorageSettings settings;

    /** Dependent: MinioClient is final and cannot be proxied; its only holder, ObjectStore, is application-scoped. */
    @Produces
    MinioClient internalClient() {
        return MinioClient.builder()
                .endpoint(settings.endpoint())
                .region(settings.region())
                .credentials(settings.accessKey(), settings.secretKey())
                .build();
    }
}
