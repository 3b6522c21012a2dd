package cn.imtp.lms.exam.control;

import cn.imtp.lms.application.ChinaTime;
import cn.imtp.lms.catalogue.control.Integrity;
import cn.imtp.lms.catalogue.entity.LearningUnit;
import cn.imtp.lms.cohort.control.DemoClassBootstrap;
import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.lms.identity.control.Accounts;
import cn.imtp.lms.identity.entity.Account;
import cn.imtp.lms.questionbank.control.QuestionBank;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * With {@code lms.demo-data}: the questions of {@code demo/questions.csv} (two units of the level-5
 * live-seller course, written by the demo theory teacher) and a formative quiz on one of them for the
 * demo class, open for the class's whole run. The summative exam is left to the teacher: the bank shows
 * how far it falls short of the blueprint. Created once.
 */
@Startup
@Singleton
@DependsOn("DemoClassBootstrap")
public class DemoQuizBootstrap {

    static final String QUIZ = "单元练习：FAB 分析及卖点介绍技巧";
    private static final Logger LOG = Logger.getLogger(DemoQuizBootstrap.class.getName());

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    QuestionBank bank;

    @Inject
    Exams exams;

    @Inject
    Accounts accounts;

    @PostConstruct
    void createDemoQuiz() {
        if (!ConfigProvider.getConfig().getValue("lms.demo-data", Boolean.class)
                || !em.createQuery("SELECT e.id FROM Exam e WHERE e.title = :t")
                        .setParameter("t", QUIZ)
                        .getResultList()
                        .isEmpty()) {
            return;
        }
        TrainingClass demo = em.createQuery("SELECT c FROM TrainingClass c WHERE c.name = :n", TrainingClass.class)
                .setParameter("n", DemoClassBootstrap.DEMO_CLASS)
                .getResultStream()
                .findFirst()
                .orElse(null);
        ZoneId china = ChinaTime.ZONE;
        if (demo == null || demo.endsOn().isBefore(LocalDate.now(china))) {
            LOG.info("No running demo class: no demo quiz either.");
            return;
        }
        Account teacher = accounts.byUsername("teacher01").orElseThrow();
        Caller author = new Caller(teacher.id(), teacher.username(), Role.TEACHER, 0);
        try (InputStream in =
                Thread.currentThread().getContextClassLoader().getResourceAsStream("demo/questions.csv")) {
            if (in == null) {
                throw new IllegalStateException("demo/questions.csv is missing from the resources module");
            }
            // Questions written earlier (by hand, or by an interrupted start) are not imported twice.
            if (em.createQuery("SELECT COUNT(q) FROM Question q WHERE q.stem LIKE :s", Long.class)
                            .setParameter("s", "FAB 分析法中%")
                            .getSingleResult()
                    == 0) {
                bank.importCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8), author, "demo-data");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read demo/questions.csv", e);
        }
        LearningUnit unit = demo.plan().units().stream()
                .filter(u -> Integrity.same(u.name(), "FAB 分析及卖点介绍技巧"))
                .findFirst()
                .orElseThrow();
        exams.create(
                demo.id(),
                new Exams.NewExam(
                        QUIZ,
                        "UNIT",
                        demo.startsOn().atStartOfDay(china).toOffsetDateTime().toString(),
                        demo.endsOn()
                                .plusDays(1)
                                .atStartOfDay(china)
                                .toOffsetDateTime()
                                .toString(),
                        15,
                        null,
                        null,
                        null,
                        null,
                        unit.id(),
                        5),
                author,
                "demo-data");
        LOG.info(() -> "Created the demo question bank and the quiz '" + QUIZ + "' for the demo class.");
    }
}
