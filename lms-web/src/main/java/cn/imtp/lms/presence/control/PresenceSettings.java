package cn.imtp.lms.presence.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Presence-check settings (lms.presence.*): how long face photos are kept, how often the sweeper looks for missed
 * checks and photos past retention, and for tests and demonstrations a fixed mean interval between checks and a seed
 * that makes the schedule repeatable.
 */
@ApplicationScoped
public class PresenceSettings {

    private Duration retention;
    private int sweepSeconds;
    private Optional<Integer> intervalSeconds;
    private Optional<Long> seed;

    @PostConstruct
    void read() {
        Config config = ConfigProvider.getConfig();
        retention = Duration.ofHours(config.getValue("lms.presence.retention-hours", Long.class));
        sweepSeconds = config.getValue("lms.presence.sweep-seconds", Integer.class);
        intervalSeconds = config.getOptionalValue("lms.presence.interval-seconds", Integer.class)
                .filter(s -> s > 0);
        seed = config.getOptionalValue("lms.presence.schedule-seed", Long.class);
    }

    /** How long a reference photo is kept after enrolment, and the frames of a check after its decision. */
    public Duration retention() {
        return retention;
    }

    public int sweepSeconds() {
        return sweepSeconds;
    }

    /** A fixed mean interval between checks instead of the class's (tests, demonstrations). */
    public Optional<Integer> intervalSeconds() {
        return intervalSeconds;
    }

    public Optional<Long> seed() {
        return seed;
    }
}
