package cn.imtp.lms.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void hashesAreSaltedAndVerifiable() {
        String a = PasswordHasher.hash("Demo@2026");
        String b = PasswordHasher.hash("Demo@2026");
        assertNotEquals(a, b);
        assertTrue(a.startsWith("pbkdf2-sha512$210000$"));
        assertFalse(a.contains("Demo@2026"));
        assertTrue(PasswordHasher.matches("Demo@2026", a));
        assertFalse(PasswordHasher.matches("demo@2026", a));
        assertFalse(PasswordHasher.matches("Demo@2026", "garbage"));
    }

    @Test
    void temporaryPasswordsAreStrongEnough() {
        for (int i = 0; i < 50; i++) {
            assertNull(PasswordHasher.weakness(PasswordHasher.temporaryPassword()));
        }
    }

    @Test
    void weaknessIsExplained() {
        assertEquals(
                "must have at least 8 characters", PasswordHasher.weakness("a1").en());
        assertEquals(
                "must contain both letters and digits",
                PasswordHasher.weakness("abcdefghij").en());
        assertNull(PasswordHasher.weakness("学习互联网营销2026"));
    }
}
