package cn.imtp.lms.identity.boundary;

import cn.imtp.lms.identity.control.ClientAddress;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/** The client address of a request, honouring X-Forwarded-For from the proxies in {@code lms.auth.trusted-proxies}. */
@ApplicationScoped
public class RequestOrigin {

    private Set<String> trusted;

    @PostConstruct
    void read() {
        // Empty (the default) reads as absent: no proxy is trusted.
        trusted = Arrays.stream(ConfigProvider.getConfig().getOptionalValue("lms.auth.trusted-proxies", String.class).orElse("").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    public String addressOf(HttpServletRequest request) {
        return ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trusted);
    }
}
