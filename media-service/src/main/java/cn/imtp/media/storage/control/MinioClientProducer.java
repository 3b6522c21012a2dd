package cn.imtp.media.storage.control;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Dependent producers: MinIO's clients are final and cannot be proxied; their only holder, ObjectStore,
 * is application-scoped. Multipart calls exist only on the asynchronous client.
 */
@ApplicationScoped
public class MinioClientProducer {

    @Inject
    StorageSettings settings;

    @Produces
    MinioClient internalClient() {
        MinioClient client = MinioClient.builder()
                .endpoint(settings.endpoint())
                .region(settings.region())
                .credentials(settings.accessKey(), settings.secretKey())
                .build();
        long ms = settings.timeoutSeconds() * 1000L;
        client.setTimeout(ms, ms, ms);
        return client;
    }

    @Produces
    MinioAsyncClient internalAsyncClient() {
        MinioAsyncClient client = MinioAsyncClient.builder()
                .endpoint(settings.endpoint())
                .region(settings.region())
                .credentials(settings.accessKey(), settings.secretKey())
                .build();
        long ms = settings.timeoutSeconds() * 1000L;
        client.setTimeout(ms, ms, ms);
        return client;
    }

    /** Signing is local (the region is configured), so this client never needs to reach the public host. */
    @Produces
    @Presigning
    MinioClient presigningClient() {
        return MinioClient.builder()
                .endpoint(settings.publicEndpoint())
                .region(settings.region())
                .credentials(settings.accessKey(), settings.secretKey())
                .build();
    }
}
