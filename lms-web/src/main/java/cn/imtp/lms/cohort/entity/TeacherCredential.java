package cn.imtp.lms.cohort.entity;

import cn.imtp.lms.catalogue.entity.Level;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

@Entity
@Table(name = "teacher_credential")
public class TeacherCredential {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    private CredentialKind kind;

    @Enumerated(EnumType.STRING)
    private Level level;

    @Enumerated(EnumType.STRING)
    @Column(name = "title_grade")
    private TitleGrade titleGrade;

    @Column(name = "issued_on")
    private LocalDate issuedOn;

    private String reference;

    protected TeacherCredential() {}

    public TeacherCredential(
            long accountId,
            CredentialKind kind,
            Level level,
            TitleGrade titleGrade,
            LocalDate issuedOn,
            String reference) {
        this.accountId = accountId;
        this.kind = kind;
        this.level = level;
        this.titleGrade = titleGrade;
        this.issuedOn = issuedOn;
        this.reference = reference;
    }

    public Long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public CredentialKind kind() {
        return kind;
    }

    public Level level() {
        return level;
    }

    public TitleGrade titleGrade() {
        return titleGrade;
    }

    public LocalDate issuedOn() {
        return issuedOn;
    }

    public String reference() {
        return reference;
    }
}
