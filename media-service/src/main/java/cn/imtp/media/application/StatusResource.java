package cn.imtp.media.application;

import cn.imtp.media.storage.control.ObjectStore;
import cn.imtp.media.storage.control.StorageSettings;
import cn.imtp.media.transcoding.control.FfmpegReadiness;
import cn.imtp.platform.security.Allow;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.health.Readiness;

/**
 * What an administrator checks on a media node: which storage it writes to, which endpoint browsers
 * are sent to, and which ffmpeg it runs. Requires lms-web's token, verified here with the public key.
 */
@Path("status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Allow(Role.ADMINISTRATOR)
public class StatusResource {

    public record Status(
            String caller,
            String storageEndpoint,
            String publicEndpoint,
            String bucket,
            boolean bucketExists,
            String ffmpeg) {}

    @Inject
    StorageSettings storage;

    @Inject
    ObjectStore store;

    /** The readiness check is the bean that ran ffmpeg; it carries the {@code @Readiness} qualifier. */
    @Inject
    @Readiness
    FfmpegReadiness ffmpeg;

    @Context
    SecurityContext security;

    @GET
    public Status status() {
        return new Status(
                ((Caller) security.getUserPrincipal()).username(),
                storage.endpoint(),
                storage.publicEndpoint(),
                storage.bucket(),
                store.bucketExists(),
                ffmpeg.version());
    }
}
