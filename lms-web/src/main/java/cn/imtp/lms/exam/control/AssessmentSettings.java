package cn.imtp.lms.exam.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The theory exams' settings (lms.assessment.*: points per type, pass mark, sweep); defaults in
 * microprofile-config.properties. Practical exams read their own lms.assessment.* keys, and this pass mark, directly.
 */
@ApplicationScoped
public class AssessmentSettings {

    @Inject
    @ConfigProperty(name = "lms.assessment.points-single-choice")
    int pointsSingleChoice;

    @Inject
    @ConfigProperty(name = "lms.assessment.points-multiple-choice")
    int pointsMultipleChoice;

    @Inject
    @ConfigProperty(name = "lms.assessment.points-true-false")
    int pointsTrueFalse;

    @Inject
    @ConfigProperty(name = "lms.assessment.pass-mark")
    int passMark;

    @Inject
    @ConfigProperty(name = "lms.assessment.sweep-seconds")
    int sweepSeconds;

    /** Points per question type when an exam does not set its own. */
    public PaperDrawer.Points defaultPoints() {
        return new PaperDrawer.Points(pointsSingleChoice, pointsMultipleChoice, pointsTrueFalse);
    }

    /** The pass mark in % of the paper's points when an exam does not set its own. */
    public int passMark() {
        return passMark;
    }

    /** How often each node submits the attempts whose time is up. */
    public int sweepSeconds() {
        return sweepSeconds;
    }
}
