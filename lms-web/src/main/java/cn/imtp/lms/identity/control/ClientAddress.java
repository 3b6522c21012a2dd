package cn.imtp.lms.identity.control;

import java.util.Set;

/**
 * The address a request really came from. X-Forwarded-For is believed only when the direct peer is
 * a trusted proxy (a load balancer), and then the right-most address that is not itself a trusted
 * proxy is taken: anything left of it could have been written by the client.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(String remoteAddress, String forwardedFor, Set<String> trustedProxies) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trustedProxies.contains(remoteAddress)) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remoteAddress;
    }
}
