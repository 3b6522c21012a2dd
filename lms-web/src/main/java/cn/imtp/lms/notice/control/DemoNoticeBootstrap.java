package cn.imtp.lms.notice.control;

import cn.imtp.lms.cohort.control.DemoClassBootstrap;
import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.lms.identity.control.Accounts;
import cn.imtp.lms.identity.entity.Account;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * With {@code lms.demo-data}: a notice to everyone from the administrator and one to the demo class from its teacher, so
 * that 通知公告 shows what it does after {@code ./ops/run}. Created once (when there is no notice at all).
 */
@Startup
@Singleton
@DependsOn("DemoClassBootstrap")
public class DemoNoticeBootstrap {

    private static final Logger LOG = Logger.getLogger(DemoNoticeBootstrap.class.getName());

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Notices notices;

    @Inject
    Accounts accounts;

    @PostConstruct
    void publishDemoNotices() {
        if (!ConfigProvider.getConfig().getValue("lms.demo-data", Boolean.class)
                || em.createQuery("SELECT COUNT(n) FROM Notice n", Long.class).getSingleResult() > 0) {
            return;
        }
        TrainingClass demo = em.createQuery("SELECT c FROM TrainingClass c WHERE c.name = :n", TrainingClass.class)
                .setParameter("n", DemoClassBootstrap.DEMO_CLASS)
                .getResultStream()
                .findFirst()
                .orElse(null);
        Account admin = accounts.byUsername(ConfigProvider.getConfig().getValue("lms.admin.user", String.class))
                .orElse(null);
        Account teacher = accounts.byUsername("teacher01").orElse(null);
        if (demo == null || admin == null || teacher == null) {
            return;
        }
        notices.publish(
                new Notices.NewNotice(
                        null,
                        "平台使用说明",
                        "请使用手机或电脑浏览器学习。观看课程视频时请保持页面在前台，系统按实际观看时间计入学时；直播课请按时进入，进入后出勤开始计算。" + "如遇问题请联系班主任。"),
                new Caller(admin.id(), admin.username(), Role.ADMINISTRATOR, 0));
        notices.publish(
                new Notices.NewNotice(
                        demo.id(), "本周学习安排", "本周请完成“互联网营销师职业认知”等单元的课程视频，并完成单元练习“FAB 分析及卖点介绍技巧”。直播课开始前 10 分钟可以进入。"),
                new Caller(teacher.id(), teacher.username(), Role.TEACHER, 0));
        LOG.info(() -> "Published the demo notices ("
                + em.createQuery("SELECT COUNT(n) FROM Notice n", Long.class).getSingleResult() + ").");
    }
}
