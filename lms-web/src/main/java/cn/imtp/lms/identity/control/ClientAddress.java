package cn.imtp.lms.identity.control;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address a request really came from. X-Forwarded-For is believed only when the direct peer is
 * a trusted proxy (a load balancer), and then the right-most address that is not itself a trusted
 * proxy is taken: anything left of it could have been written by the client. A hop that is not an IP
 * address (a proxy passing on garbage) ends the search at the proxy's own address.
 */
public final class ClientAddress {

    /** An IPv4 or IPv6 address as written (digits, hex, dots and colons), at most 45 characters. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    private ClientAddress() {}

    public static String of(String remoteAddress, String forwardedFor, Set<String> trustedProxies) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trustedProxies.contains(remoteAddress)) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty()) {
                continue;
            }
            if (!IP_LITERAL.matcher(hop).matches()) {
                return remoteAddress;
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remoteAddress;
    }
}
