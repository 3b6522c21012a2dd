package cn.imtp.lms.live.control;

import cn.imtp.lms.application.ChinaTime;
import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.cohort.control.DemoClassBootstrap;
import cn.imtp.lms.cohort.control.Requests;
import cn.imtp.lms.cohort.entity.ClassStatus;
import cn.imtp.lms.cohort.entity.Lesson;
import cn.imtp.lms.cohort.entity.LessonMode;
import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * With {@code lms.demo-data}: a live lesson of the demo class that is open whenever the demo runs. At each
 * start, unless one of its live lessons is open now, the demo class gets a two-class-hour live lesson from
 * the next minute on, on the unit of its first scheduled live lesson, taught by that lesson's teacher.
 */
@Startup
@Singleton
@DependsOn("DemoClassBootstrap")
@TransactionManagement(
        TransactionManagementType.BEAN) // each step its own transaction: a refusal must not undo the start-up
public class DemoLiveLessonBootstrap {

    private static final Logger LOG = Logger.getLogger(DemoLiveLessonBootstrap.class.getName());
    static final int CLASS_HOURS = 2;

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Classes classes;

    @Inject
    LiveLessons lessons;

    @PostConstruct
    void openDemoLesson() {
        if (!ConfigProvider.getConfig().getValue("lms.demo-data", Boolean.class)) {
            return;
        }
        TrainingClass demo = em.createQuery("SELECT c FROM TrainingClass c WHERE c.name = :n", TrainingClass.class)
                .setParameter("n", DemoClassBootstrap.DEMO_CLASS)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (demo == null || demo.status() != ClassStatus.ACTIVE) {
            return;
        }
        Instant now = Instant.now();
        List<Lesson> live = em.createQuery(
                        "SELECT l FROM Lesson l WHERE l.trainingClass = :c AND l.mode = :m ORDER BY l.date, l.start",
                        Lesson.class)
                .setParameter("c", demo)
                .setParameter("m", LessonMode.LIVE)
                .getResultList();
        boolean open = live.stream().anyMatch(l -> lessons.window(l, now).state() == LiveLessons.State.OPEN);
        Lesson model = live.isEmpty() ? null : live.get(0);
        LocalDateTime start = LocalDateTime.now(ChinaTime.ZONE)
                .truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(1);
        if (open || model == null || start.toLocalDate().isAfter(demo.endsOn())) {
            return;
        }
        try {
            classes.addLesson(
                    demo.id(),
                    new Requests.NewLesson(
                            model.unit().id(),
                            start.toLocalDate().toString(),
                            start.toLocalTime().toString(),
                            CLASS_HOURS,
                            model.teacherId(),
                            LessonMode.LIVE),
                    new Caller(0, "system", Role.ADMINISTRATOR, 0));
        } catch (PlatformException e) {
            // The demo goes on without a live lesson rather than not at all.
            LOG.warning(() -> "No demo live lesson: " + e.getMessage() + " " + e.errors());
            return;
        }
        LOG.info(() -> "Opened a demo live lesson on '" + model.unit().name() + "' from " + start + " (China time) for "
                + CLASS_HOURS + " class hours.");
    }
}
