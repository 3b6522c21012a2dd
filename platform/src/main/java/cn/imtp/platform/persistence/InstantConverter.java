package cn.imtp.platform.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Stores {@link Instant} as TIMESTAMP(3): JPA 3.1 (EclipseLink 4) does not map Instant natively, and
 * every moment the platform records (logins, heartbeats, audits) is an instant, never a local time.
 * Each persistence unit lists this class. Columns keep milliseconds: entities truncate their
 * instants to milliseconds when they create them, so a fresh entity and a reloaded one agree.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
