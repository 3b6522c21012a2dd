package cn.imtp.lms.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    final Set<String> proxies = Set.of("10.0.0.2", "127.0.0.1");

    @Test
    void forwardedForIsIgnoredFromUntrustedPeers() {
        assertEquals("198.51.100.9", ClientAddress.of("198.51.100.9", "203.0.113.5", proxies));
    }

    @Test
    void theRightMostUntrustedHopIsTheClient() {
        assertEquals("203.0.113.5", ClientAddress.of("10.0.0.2", "1.2.3.4, 203.0.113.5", proxies));
        assertEquals("203.0.113.5", ClientAddress.of("10.0.0.2", "203.0.113.5, 127.0.0.1", proxies));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", null, proxies));
    }

    @Test
    void aHopThatIsNoAddressIsNotTaken() {
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", "1.2.3.4, <script>", proxies));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", "x".repeat(500), proxies));
        assertEquals("2001:db8::1", ClientAddress.of("10.0.0.2", "2001:db8::1", proxies));
    }

    @Test
    void withNoTrustedProxyTheHeaderIsNeverBelieved() {
        assertEquals("127.0.0.1", ClientAddress.of("127.0.0.1", "203.0.113.5", Set.of()));
    }

    @Test
    void theShippedSettingsTrustNoProxy() throws java.io.IOException {
        java.util.Properties shipped = new java.util.Properties();
        try (var in = ClientAddressTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            shipped.load(in);
        }
        assertEquals("", shipped.getProperty("lms.auth.trusted-proxies"));
    }
}
