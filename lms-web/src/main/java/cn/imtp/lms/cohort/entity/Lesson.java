package cn.imtp.lms.cohort.entity;

import cn.imtp.lms.application.ChinaTime;
import cn.imtp.lms.catalogue.entity.LearningUnit;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A scheduled lesson of one learning unit. */
@Entity
@Table(name = "lesson")
public class Lesson {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "class_id")
    private TrainingClass trainingClass;

    @ManyToOne(optional = false)
    @JoinColumn(name = "unit_id")
    private LearningUnit unit;

    @Column(name = "lesson_date")
    private LocalDate date;

    @Column(name = "start_time")
    private LocalTime start;

    @Column(name = "class_hours")
    private int classHours;

    @Column(name = "teacher_id")
    private long teacherId;

    @Enumerated(EnumType.STRING)
    private LessonMode mode;

    protected Lesson() {}

    public Lesson(
            TrainingClass trainingClass,
            LearningUnit unit,
            LocalDate date,
            LocalTime start,
            int classHours,
            long teacherId,
            LessonMode mode) {
        this.trainingClass = trainingClass;
        this.unit = unit;
        this.date = date;
        this.start = start;
        this.classHours = classHours;
        this.teacherId = teacherId;
        this.mode = mode;
    }

    public Long id() {
        return id;
    }

    public TrainingClass trainingClass() {
        return trainingClass;
    }

    public LearningUnit unit() {
        return unit;
    }

    public LocalDate date() {
        return date;
    }

    public LocalTime start() {
        return start;
    }

    /** The lesson's start as an instant: its date and start are China time. */
    public Instant startsAt() {
        return date.atTime(start).atZone(ChinaTime.ZONE).toInstant();
    }

    public int classHours() {
        return classHours;
    }

    public long teacherId() {
        return teacherId;
    }

    public LessonMode mode() {
        return mode;
    }
}
