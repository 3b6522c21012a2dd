package cn.imtp.lms.identity.entity;

import cn.imtp.platform.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_USERNAME, query = "SELECT a FROM Account a WHERE a.username = :username")
@NamedQuery(
        name = Account.BY_DOCUMENT,
        query = "SELECT a FROM Account a WHERE a.idType = :type AND a.idNumber = :number")
public class Account {

    public static final String BY_USERNAME = "Account.byUsername";
    public static final String BY_DOCUMENT = "Account.byDocument";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Enumerated(EnumType.STRING)
    @Column(name = "id_type")
    private IdDocumentType idType;

    @Column(name = "id_number")
    private String idNumber;

    private String phone;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(nullable = false)
    private boolean disabled;

    @Column(name = "token_version", nullable = false)
    private int tokenVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Account() {}

    public Account(String username, Role role, String fullName, String passwordHash, boolean mustChangePassword) {
        this.username = username;
        this.role = role;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.mustChangePassword = mustChangePassword;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public void identify(IdDocumentType type, String number, String phone) {
        this.idType = type;
        this.idNumber = number;
        this.phone = phone;
    }

    /** A new password; {@code temporary} ones must be changed at the next sign-in. Earlier tokens stop working. */
    public void setPassword(String hash, boolean temporary) {
        this.passwordHash = hash;
        this.mustChangePassword = temporary;
        this.tokenVersion++;
    }

    public void disable() {
        this.disabled = true;
        this.tokenVersion++;
    }

    /** Every token signed so far stops working. */
    public void signOut() {
        this.tokenVersion++;
    }

    public void enable() {
        this.disabled = false;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public Role role() {
        return role;
    }

    public String fullName() {
        return fullName;
    }

    public IdDocumentType idType() {
        return idType;
    }

    public String idNumber() {
        return idNumber;
    }

    public String phone() {
        return phone;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public boolean disabled() {
        return disabled;
    }

    public int tokenVersion() {
        return tokenVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
