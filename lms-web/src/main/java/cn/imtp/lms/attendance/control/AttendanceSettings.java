package cn.imtp.lms.attendance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Attendance settings (lms.attendance.*); defaults in microprofile-config.properties. */
@ApplicationScoped
public class AttendanceSettings {

    @Inject
    @ConfigProperty(name = "lms.attendance.heartbeat-seconds")
    int heartbeatSeconds;

    @Inject
    @ConfigProperty(name = "lms.attendance.allowed-rates")
    String allowedRates;

    @Inject
    @ConfigProperty(name = "lms.attendance.late-window-hours")
    int lateWindowHours;

    @Inject
    @ConfigProperty(name = "lms.attendance.slack-ms")
    long slackMs;

    @Inject
    @ConfigProperty(name = "lms.attendance.idle-seconds")
    int idleSeconds;

    @Inject
    @ConfigProperty(name = "lms.attendance.presence-answer-seconds")
    int presenceAnswerSeconds;

    @Inject
    @ConfigProperty(name = "lms.attendance.online-share-cap")
    double onlineShareCap;

    @Inject
    @ConfigProperty(name = "lms.attendance.bench-noop")
    boolean benchNoop;

    /** Whether the heartbeat benchmark's baseline endpoint (a beat parsed, nothing stored) answers; off in production. */
    public boolean benchNoop() {
        return benchNoop;
    }

    /** The share of a plan's minutes that online credit may fill (1.0: no cap; 0.5 where a province caps online hours at half). */
    public double onlineShareCap() {
        return onlineShareCap;
    }

    public int heartbeatSeconds() {
        return heartbeatSeconds;
    }

    public Set<Double> allowedRates() {
        return Arrays.stream(allowedRates.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Double::valueOf)
                .collect(Collectors.toSet());
    }

    /** Quiet time (no interaction) after which the player asks "还在吗？". */
    public int idleSeconds() {
        return idleSeconds;
    }

    /** How long the question waits for an answer before the player pauses. */
    public int presenceAnswerSeconds() {
        return presenceAnswerSeconds;
    }

    /** How much a beat may be off, in media or in time, from what the server can check (player and network jitter). */
    public long slackMs() {
        return slackMs;
    }

    public int lateWindowHours() {
        return lateWindowHours;
    }

    private CreditPolicy policy;

    /** The rules as configured, built once (they are immutable). */
    public CreditPolicy policy() {
        if (policy == null) {
            policy = new CreditPolicy(allowedRates(), slackMs, slackMs, heartbeatSeconds * 1000L);
        }
        return policy;
    }
}
