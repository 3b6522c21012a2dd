package cn.imtp.lms.identity.boundary;

import cn.imtp.lms.identity.control.ClientAddress;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
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
        trusted = Arrays.stream(ConfigProvider.getConfig()
                        .getOptionalValue("lms.auth.trusted-proxies", String.class)
                        .orElse("")
                        .split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    public String addressOf(HttpServletRequest request) {
        // A proxy may add its hop as a header line of its own (HAProxy's "option forwardfor" does) instead of appending
        // it
        // to the client's line: all the lines, in order, are one list (RFC 9110, 5.3). Reading only the first line
        // would
        // take the client's own words for the chain, and a client could choose its address.
        Enumeration<String> lines = request.getHeaders("X-Forwarded-For");
        String forwardedFor = lines == null ? "" : String.join(",", Collections.list(lines));
        return ClientAddress.of(request.getRemoteAddr(), forwardedFor.isBlank() ? null : forwardedFor, trusted);
    }
}
