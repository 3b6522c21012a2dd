package cn.imtp.lms.cohort.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A teacher of a class with one duty; a teacher may hold both duties. */
@Entity
@Table(name = "class_teacher")
public class ClassTeacher {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "class_id")
    private TrainingClass trainingClass;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    private Duty duty;

    protected ClassTeacher() {}

    public ClassTeacher(TrainingClass trainingClass, long accountId, Duty duty) {
        this.trainingClass = trainingClass;
        this.accountId = accountId;
        this.duty = duty;
    }

    public long accountId() {
        return accountId;
    }

    public Duty duty() {
        return duty;
    }
}
