package cn.imtp.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.security.PublicKey;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The token issuer and the public key every WAR verifies with ({@code lms.jwt.public-key}, a PEM file). */
@ApplicationScoped
public class TokenSettings {

    private String issuer;
    private PublicKey publicKey;

    /** Read at deployment so that a missing key fails the deployment with a clear message, not the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        issuer();
    }

    @PostConstruct
    void read() {
        Config config = ConfigProvider.getConfig();
        issuer = config.getValue("lms.jwt.issuer", String.class);
        publicKey = KeyFiles.publicKey(Path.of(config.getValue("lms.jwt.public-key", String.class)));
    }

    public String issuer() {
        return issuer;
    }

    public PublicKey publicKey() {
        return publicKey;
    }
}
