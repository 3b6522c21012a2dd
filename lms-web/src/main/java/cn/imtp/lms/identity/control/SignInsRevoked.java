package cn.imtp.lms.identity.control;

import java.time.Instant;

/**
 * Announced (a CDI event, in the transaction that revokes them) when an account's sign-ins stop working: it was
 * disabled, or its owner signed out. Features that keep something running for a signed-in person end it here,
 * without identity knowing them (attendance ends the account's playback and live sessions, so nothing sent after
 * this moment earns credit).
 *
 * @param reason why, as the sessions it ends record it: {@code ACCOUNT_DISABLED} or {@code SIGNED_OUT}
 */
public record SignInsRevoked(long accountId, String reason, Instant at) {}
