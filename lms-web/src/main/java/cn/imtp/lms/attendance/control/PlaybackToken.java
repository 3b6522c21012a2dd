package cn.imtp.lms.attendance.control;

import cn.imtp.platform.json.Jsonp;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Jwt;
import cn.imtp.platform.text.Words;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.PublicKey;
import java.time.Instant;

/**
 * The token a playback session's heartbeats carry, bound to one learner, one video and one session,
 * signed by lms-web. Audience {@value #AUDIENCE}, so it is neither a sign-in token nor a media grant.
 * It also names the session's class ({@code cls}), so that the heartbeat writer can lock the class's
 * chain together with the session before reading the session; tokens signed before it was added have
 * none ({@code classId} null).
 */
public record PlaybackToken(long learnerId, String sessionId, String assetId, Long classId, Instant expiresAt) {

    public static final String AUDIENCE = "playback";

    public JsonObjectBuilder claims() {
        JsonObjectBuilder claims = Jsonp.object()
                .add("aud", AUDIENCE)
                .add("sub", Long.toString(learnerId))
                .add("sid", sessionId)
                .add("asset", assetId)
                .add("exp", expiresAt.getEpochSecond());
        return classId == null ? claims : claims.add("cls", classId);
    }

    public static PlaybackToken verify(String token, PublicKey key, String issuer, Instant now) {
        if (token == null || token.isBlank()) {
            throw new PlatformException(
                    401,
                    "missing-playback-token",
                    "Missing playback token",
                    new Words("请以 token 字段发送打开会话时获得的令牌。", "Send the token the session was opened with as 'token'."));
        }
        JsonObject c = Jwt.verify(token, key, issuer, now);
        if (!AUDIENCE.equals(c.getString("aud", ""))) {
            throw new PlatformException(
                    401,
                    "invalid-playback-token",
                    "Invalid playback token",
                    new Words("这不是观看会话的令牌。", "This is not a playback session's token."));
        }
        try {
            return new PlaybackToken(
                    Long.parseLong(c.getString("sub")),
                    c.getString("sid"),
                    c.getString("asset"),
                    c.containsKey("cls") ? Long.valueOf(c.getJsonNumber("cls").longValue()) : null,
                    Instant.ofEpochSecond(c.getJsonNumber("exp").longValue()));
        } catch (RuntimeException e) {
            throw new PlatformException(
                    401,
                    "invalid-playback-token",
                    "Invalid playback token",
                    new Words("令牌内容不完整。", "The token's claims are incomplete."));
        }
    }
}
