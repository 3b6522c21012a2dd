package cn.imtp.lms.cohort.control;

import cn.imtp.lms.application.ChinaTime;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.cohort.entity.CredentialKind;
import cn.imtp.lms.cohort.entity.DeliveryMode;
import cn.imtp.lms.cohort.entity.Duty;
import cn.imtp.lms.cohort.entity.TitleGrade;
import cn.imtp.lms.identity.control.Accounts;
import cn.imtp.lms.identity.entity.Account;
import cn.imtp.lms.plan.control.PlanDraft;
import cn.imtp.lms.plan.control.PlanView;
import cn.imtp.lms.plan.control.Plans;
import cn.imtp.lms.plan.entity.PlanKind;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * With {@code lms.demo-data}: the demo class of 30 learners on a new-entrant level-5 live-seller plan
 * (the basic course and the whole level-5 table, 80 class hours), a qualified theory teacher and
 * practical instructor, and a schedule that covers every unit; activated. Beside it, the same with face checks for six
 * other learners. Created once.
 */
@Startup
@Singleton
@DependsOn({"CatalogueImporter", "AccountBootstrap"})
public class DemoClassBootstrap {

    public static final String DEMO_CLASS = "直播销售员五级 线上演示班";
    /** The demo class that asks for face checks (two per class hour, answered within two minutes): learner31 … learner36. */
    public static final String DEMO_PRESENCE_CLASS = "直播销售员五级 线上演示班（人脸核验）";

    private static final Logger LOG = Logger.getLogger(DemoClassBootstrap.class.getName());
    private static final int CLASS_HOURS_PER_DAY = 8;

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Plans plans;

    @Inject
    Classes classes;

    @Inject
    TeacherCredentials teacherCredentials;

    @Inject
    Accounts accounts;

    @PostConstruct
    void createDemoClass() {
        if (!ConfigProvider.getConfig().getValue("lms.demo-data", Boolean.class)
                || !em.createQuery("SELECT c.id FROM TrainingClass c WHERE c.name = :n")
                        .setParameter("n", DEMO_CLASS)
                        .getResultList()
                        .isEmpty()) {
            return;
        }
        Account theory = accounts.byUsername("teacher01").orElseThrow();
        Account practical = accounts.byUsername("teacher02").orElseThrow();
        teacherCredentials.addCredential(
                theory.id(),
                new Requests.NewCredential(
                        CredentialKind.CERTIFICATE, Level.L3, null, "2019-06-30", "DEMO-CERT-L3-0001"));
        teacherCredentials.addCredential(
                practical.id(),
                new Requests.NewCredential(
                        CredentialKind.TITLE, null, TitleGrade.INTERMEDIATE, "2017-09-01", "DEMO-TITLE-0002"));
        PlanView plan = plans.create(
                new PlanDraft(
                        "直播销售员五级 新入职培训计划",
                        Level.L5,
                        JobType.LIVE_SELLER,
                        PlanKind.NEW_ENTRANT,
                        null,
                        List.of(),
                        List.of("basic", "L5/LIVE_SELLER")),
                "system");
        // Running now, whenever the demo starts: from the first of this month for two months. The class with face
        // checks
        // first, so that the main demo class is the newest (lists show the newest first).
        LocalDate start = ChinaTime.today().withDayOfMonth(1);
        demoClass(DEMO_PRESENCE_CLASS, plan, start, 31, 36, new Requests.PresenceChecks(2, 120), theory, practical);
        demoClass(DEMO_CLASS, plan, start, 1, 30, null, theory, practical);
        LOG.info(() -> "Created and activated the demo classes '" + DEMO_CLASS + "' (30 learners) and '"
                + DEMO_PRESENCE_CLASS + "' (6 learners, face checks), each on a plan of "
                + plan.assessment().classroomHours() + " class hours.");
    }

    private void demoClass(
            String name,
            PlanView plan,
            LocalDate start,
            int firstLearner,
            int lastLearner,
            Requests.PresenceChecks checks,
            Account theory,
            Account practical) {
        long classId = classes.create(new Requests.NewClass(
                        name,
                        plan.id(),
                        DeliveryMode.ONLINE,
                        start.toString(),
                        start.plusMonths(2).minusDays(1).toString(),
                        true,
                        checks))
                .id();
        List<Long> learners = new ArrayList<>();
        for (int i = firstLearner; i <= lastLearner; i++) {
            learners.add(accounts.byUsername(String.format("learner%02d", i))
                    .orElseThrow()
                    .id());
        }
        classes.enrol(classId, learners);
        classes.assignTeacher(classId, new Requests.TeacherAssignment(theory.id(), Duty.THEORY));
        classes.assignTeacher(classId, new Requests.TeacherAssignment(practical.id(), Duty.PRACTICAL));
        classes.autoSchedule(classId, new Requests.AutoSchedule(CLASS_HOURS_PER_DAY, "09:00"));
        classes.activate(classId);
    }
}
