package cn.imtp.ops.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlatformClientTest {

    /** The demo seeders' retry reads resources that an earlier try created but never published. */
    @Test
    void aResourceWithoutAPublishedVersionIsNotPublishedWhetherTheFieldIsLeftOutOrNull() {
        assertFalse(PlatformClient.published(PlatformClient.json("{\"id\":7,\"title\":\"x\"}")));
        assertFalse(PlatformClient.published(PlatformClient.json("{\"id\":7,\"publishedVersion\":null}")));
        assertTrue(PlatformClient.published(PlatformClient.json("{\"id\":7,\"publishedVersion\":1}")));
    }
}
