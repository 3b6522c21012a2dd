package cn.imtp.lms.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "installation")
public class Installation {

    public static final byte SINGLETON_ID = 1;

    @Id
    private byte id;

    @Column(name = "installation_id", nullable = false, updatable = false)
    private String installationId;

    @Column(name = "installed_at", nullable = false, updatable = false)
    private Instant installedAt;

    public String installationId() {
        return installationId;
    }

    public Instant installedAt() {
        return installedAt;
    }
}
