package cn.imtp.lms.identity.control;

import cn.imtp.lms.identity.entity.Account;
import cn.imtp.platform.json.Jsonp;
import cn.imtp.platform.security.Jwt;
import cn.imtp.platform.security.KeyFiles;
import cn.imtp.platform.security.MediaGrant;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Signs sign-in tokens with lms-web's private key ({@code lms.jwt.private-key}). */
@ApplicationScoped
public class TokenIssuer {

    public record Issued(String token, Instant expiresAt) {}

    private PrivateKey key;
    private String issuer;
    private Duration ttl;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        ttl();
    }

    @PostConstruct
    void read() {
        Config c = ConfigProvider.getConfig();
        key = KeyFiles.privateKey(Path.of(c.getValue("lms.jwt.private-key", String.class)));
        issuer = c.getValue("lms.jwt.issuer", String.class);
        ttl = Duration.ofMinutes(c.getValue("lms.jwt.ttl-minutes", Integer.class));
    }

    Duration ttl() {
        return ttl;
    }

    /** Signs a grant for media-service, which verifies it with the public key alone. */
    public String sign(MediaGrant grant, Instant now) {
        return grant.sign(key, issuer, now);
    }

    /** Signs other tokens of this platform (e.g. playback sessions); the issuer is added here. */
    public String sign(JsonObjectBuilder claims) {
        return Jwt.sign(claims.add("iss", issuer).build(), key);
    }

    public Issued issue(Account account, Instant now) {
        Instant expires = now.plus(ttl);
        String token = Jwt.sign(
                Jsonp.object()
                        .add("iss", issuer)
                        .add("sub", account.id().toString())
                        .add("upn", account.username())
                        .add("groups", Jsonp.array().add(account.role().name()))
                        .add("tv", account.tokenVersion())
                        .add("iat", now.getEpochSecond())
                        .add("exp", expires.getEpochSecond())
                        .add("jti", UUID.randomUUID().toString())
                        .build(),
                key);
        return new Issued(token, expires);
    }
}
