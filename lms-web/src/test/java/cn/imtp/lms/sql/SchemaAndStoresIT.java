package cn.imtp.lms.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.catalogue.entity.PracticalContentEntry;
import cn.imtp.lms.catalogue.entity.PracticalContentEntry.Form;
import cn.imtp.lms.documents.Document;
import cn.imtp.lms.exam.control.Attempts;
import cn.imtp.lms.exam.entity.Attempt;
import cn.imtp.lms.identity.control.Accounts;
import cn.imtp.lms.notice.control.Reminders;
import cn.imtp.lms.practical.control.PracticalScore.Criterion;
import cn.imtp.lms.practical.control.PracticalStore;
import cn.imtp.lms.practical.control.Work;
import cn.imtp.platform.schema.MariaDbLocalDataSource;
import cn.imtp.platform.schema.SchemaStartup;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * lms-web inside the running WAR, against a real MariaDB of its own (one Payara boot for all of it): what an HTTP test
 * cannot show — the schema the WAR's Flyway start-up builds from an empty database, an older database with data
 * upgraded by the same code (from the fixture {@code db/v37/lms-v37.sql}, see {@link V37Fixture}) to the same schema
 * with its rows intact, two classes' first study reminders at the same moment (once a deadlock, {@code ReminderGate}),
 * two identical requests sending once, the {@code SignInsRevoked} event ending what the account kept running, in
 * every feature that observes it, for that account only, an attempt whose time is up graded once when the sweep and
 * the learner's late submit race, and the practical exams' store reading back by column name what it wrote.
 */
@ExtendWith(ArquillianExtension.class)
class SchemaAndStoresIT {

    /** The fixture's version; {@link #LATEST_KNOWN}: the newest migration when these tests were written. */
    private static final int FIXTURE_VERSION = 37;

    private static final int LATEST_KNOWN = 42;
    private static final String UPGRADED = "lms_v37_upgraded";

    /**
     * The built WAR with this test and the fixture, and fresh key files where its settings look for them (the
     * failsafe configuration's {@code payara.cmdOptions}): made before the WAR is deployed, so that no private key is
     * committed.
     */
    @Deployment
    static WebArchive deployment() throws Exception {
        Path keys = Path.of(System.getProperty("it.keys"));
        Files.createDirectories(keys);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair pair = rsa.generateKeyPair();
        Files.writeString(
                keys.resolve("jwt-private.pem"),
                pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(
                keys.resolve("jwt-public.pem"),
                pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        byte[] chain = new byte[32];
        new SecureRandom().nextBytes(chain);
        Files.writeString(keys.resolve("chain-key"), Base64.getEncoder().encodeToString(chain));
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")))
                .addAsResource("db/v37/lms-v37.sql");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Resource(lookup = SchemaStartup.DATA_SOURCE)
    DataSource db;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    Reminders reminders;

    @Inject
    Accounts accounts;

    @Inject
    Attempts attempts;

    @Inject
    PracticalStore practicals;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction tx;

    // --- migrations ---

    @Test
    void theWarsStartUpMigratesAnEmptyDatabaseToTheLatestVersion() throws Exception {
        int latest = latestMigration();
        assertTrue(latest >= LATEST_KNOWN, "the migrations found: up to V" + latest);
        List<String> versions = new ArrayList<>();
        for (Map<String, Object> row : rows(
                db,
                "SELECT version, success FROM flyway_history_lms WHERE version IS NOT NULL ORDER BY installed_rank")) {
            assertEquals(Boolean.TRUE, bool(row.get("success")), "migration " + row.get("version"));
            versions.add((String) row.get("version"));
        }
        assertEquals(upTo(1, latest), versions, "every migration from V1, once, in order");
        MigrationInfo[] pending = flyway(db).info().pending();
        assertEquals(0, pending.length, "nothing left pending");
    }

    @Test
    void aDatabaseAtVersion37WithDataIsUpgradedByTheSameCodeWithItsRowsIntact() throws Exception {
        MariaDbLocalDataSource old = freshDatabase(UPGRADED);
        try (Connection c = old.getConnection();
                Statement s = c.createStatement()) {
            runAll(s, resource("db/v37/lms-v37.sql"));
        }
        assertEquals(
                upTo(1, FIXTURE_VERSION),
                column(old, "SELECT version FROM flyway_history_lms WHERE success = 1 ORDER BY installed_rank"),
                "the fixture is a database at V" + FIXTURE_VERSION);

        MigrateResult result =
                SchemaStartup.migrateSchema(old, "lms", Thread.currentThread().getContextClassLoader());

        int latest = latestMigration();
        assertEquals(latest - FIXTURE_VERSION, result.migrationsExecuted, "the migrations after V" + FIXTURE_VERSION);
        assertEquals(String.valueOf(latest), result.targetSchemaVersion);
        assertEquals(
                upTo(1, latest),
                column(old, "SELECT version FROM flyway_history_lms WHERE success = 1 ORDER BY installed_rank"));
        assertEquals(0, flyway(old).info().pending().length);
        assertEquals(
                schema(db, "lms_it"),
                schema(old, UPGRADED),
                "an upgraded database has the schema a new one gets: columns, types, defaults, keys");

        // The rows survived with their values; what V38 to V42 added has its default.
        assertEquals(
                List.of(
                        "1 admin37 ADMINISTRATOR 管理员 0 0",
                        "2 teacher37 TEACHER 张老师 3 0",
                        "3 learner37a LEARNER 李学员 0 0",
                        "4 learner37b LEARNER 王学员 2 1"),
                column(
                        old,
                        "SELECT CONCAT_WS(' ', id, username, role, full_name, token_version, disabled) AS v"
                                + " FROM account ORDER BY id"));
        assertEquals(
                "110101199001011234",
                one(old, "SELECT id_number FROM account WHERE id = 3").get("id_number"));
        assertEquals(
                List.of("1 3", "1 4"),
                column(old, "SELECT CONCAT_WS(' ', class_id, account_id) AS v FROM class_learner ORDER BY account_id"));
        Map<String, Object> klass = one(
                old,
                "SELECT name, status, class_hour_minutes, presence_checks_per_hour, version,"
                        + " UNIX_TIMESTAMP(activated_at) AS activated FROM training_class WHERE id = 1");
        assertEquals("三月班", klass.get("name"));
        assertEquals("ACTIVE", klass.get("status"));
        assertEquals(45, number(klass.get("class_hour_minutes")));
        assertEquals(2, number(klass.get("presence_checks_per_hour")));
        assertEquals(4, number(klass.get("version")));
        assertEquals(epoch("2025-03-03T08:00:00Z"), number(klass.get("activated")));

        Map<String, Object> resource =
                one(old, "SELECT title, category, published_version_id, shown_to_learners FROM resource WHERE id = 1");
        assertEquals("样卷讲解", resource.get("title"));
        assertEquals(1, number(resource.get("published_version_id")));
        assertEquals(
                Boolean.FALSE, bool(resource.get("shown_to_learners")), "V40: an assessment resource stays hidden");
        Map<String, Object> version =
                one(old, "SELECT asset_id, size_bytes, duration_ms FROM resource_version WHERE id = 1");
        assertEquals("11111111-1111-4111-8111-111111111111", version.get("asset_id"));
        assertEquals(123456789, number(version.get("size_bytes")));
        assertNull(version.get("duration_ms"), "V38: asked of media-service when first needed");

        List<Map<String, Object>> notices = rows(
                old,
                "SELECT id, class_id, title, UNIX_TIMESTAMP(withdrawn_at) AS withdrawn, withdrawn_by, edited_at,"
                        + " edited_by, recipient_id FROM notice ORDER BY id");
        assertEquals(2, notices.size());
        assertEquals("开班通知", notices.get(0).get("title"));
        assertEquals(epoch("2025-03-05T09:00:00Z"), number(notices.get(0).get("withdrawn")));
        assertEquals(1, number(notices.get(0).get("withdrawn_by")));
        assertNull(notices.get(1).get("class_id"), "a notice to everyone stays one");
        for (Map<String, Object> n : notices) {
            assertNull(n.get("edited_at"), "V39");
            assertNull(n.get("edited_by"), "V39");
            assertNull(n.get("recipient_id"), "V41: a notice of before is to its whole audience");
        }
        assertEquals(
                0,
                number(one(old, "SELECT COUNT(*) AS n FROM notice_reminder_gate")
                        .get("n")),
                "V41");

        Map<String, Object> playback = one(
                old,
                "SELECT learner_id, credited_seconds, played_until_ms, held_from_ms, ended_at FROM playback_session"
                        + " WHERE id = '22222222-2222-4222-8222-222222222222'");
        assertEquals(3, number(playback.get("learner_id")));
        assertEquals(120, number(playback.get("credited_seconds")));
        assertEquals(120000, number(playback.get("played_until_ms")));
        assertEquals(120000, number(playback.get("held_from_ms")));
        assertNull(playback.get("ended_at"));
        Map<String, Object> live = one(
                old,
                "SELECT credited_seconds, ended_reason, held_from_ms FROM live_session"
                        + " WHERE id = '33333333-3333-4333-8333-333333333333'");
        assertEquals(585, number(live.get("credited_seconds")));
        assertEquals("SIGNED_OUT", live.get("ended_reason"));
        assertNull(live.get("held_from_ms"), "V42: no live session was held before");
        Map<String, Object> check = one(
                old,
                "SELECT session_id, state, attempts, kind, lesson_id FROM presence_check"
                        + " WHERE id = '44444444-4444-4444-8444-444444444444'");
        assertEquals("22222222-2222-4222-8222-222222222222", check.get("session_id"));
        assertEquals("OPEN", check.get("state"));
        assertEquals(1, number(check.get("attempts")));
        assertEquals("SELF_PACED", check.get("kind"), "V42: every check of before was a video's");
        assertNull(check.get("lesson_id"));

        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + UPGRADED);
        }
    }

    // --- study reminders (notice) ---

    @Test
    void twoClassesFirstRemindersAtTheSameMomentBothSendAndEachLearnerGetsOne() throws Exception {
        Caller admin = administrator();
        for (int round = 0; round < 5; round++) {
            Fixture a = activeClass(3);
            Fixture b = activeClass(3);
            List<Reminders.Outcome> outcomes = together(
                    () -> reminders.send(request(a), admin, "127.0.0.1"),
                    () -> reminders.send(request(b), admin, "127.0.0.1"));
            assertEquals(a.learners(), outcomes.get(0).sent(), "round " + round + ": class A's reminders");
            assertEquals(b.learners(), outcomes.get(1).sent(), "round " + round + ": class B's reminders");
            for (Fixture f : List.of(a, b)) {
                for (long learner : f.learners()) {
                    assertEquals(1, remindersOf(f.classId(), learner), "one reminder for learner " + learner);
                }
            }
        }
    }

    @Test
    void twoIdenticalReminderRequestsAtOnceSendEachReminderOnce() throws Exception {
        Caller admin = administrator();
        Fixture c = activeClass(4);
        List<Reminders.Outcome> outcomes = together(
                () -> reminders.send(request(c), admin, "127.0.0.1"),
                () -> reminders.send(request(c), admin, "127.0.0.2"));
        List<Long> sent = new ArrayList<>(outcomes.get(0).sent());
        sent.addAll(outcomes.get(1).sent());
        assertEquals(c.learners().size(), sent.size(), "sent once in all: " + outcomes);
        assertEquals(
                c.learners().size(),
                outcomes.get(0).skipped().size() + outcomes.get(1).skipped().size(),
                "the other request found them reminded");
        for (long learner : c.learners()) {
            assertEquals(1, remindersOf(c.classId(), learner));
        }
    }

    // --- SignInsRevoked ---

    @Test
    void signingOutEndsTheAccountsSessionsAndGrantsAndNoOneElses() throws Exception {
        Fixture f = activeClass(2);
        long leaving = f.learners().get(0);
        long staying = f.learners().get(1);
        long teacher = account(Role.TEACHER);
        long unit = number(
                one(db, "SELECT id FROM catalogue_unit ORDER BY id LIMIT 1").get("id"));
        long lesson = insert(
                "INSERT INTO lesson (class_id, unit_id, lesson_date, start_time, class_hours, teacher_id, mode)"
                        + " VALUES (?, ?, CURRENT_DATE, '19:00:00', 2, ?, 'LIVE')",
                f.classId(),
                unit,
                teacher);
        Map<Long, String> playback = new LinkedHashMap<>();
        Map<Long, String> live = new LinkedHashMap<>();
        for (long learner : List.of(leaving, staying)) {
            String p = UUID.randomUUID().toString();
            update(
                    "INSERT INTO playback_session (id, learner_id, class_id, unit_id, resource_id, asset_id,"
                            + " duration_seconds, opened_at) VALUES (?, ?, ?, ?, 1, ?, 600, NOW(3))",
                    p,
                    learner,
                    f.classId(),
                    unit,
                    UUID.randomUUID().toString());
            playback.put(learner, p);
            String l = UUID.randomUUID().toString();
            update(
                    "INSERT INTO live_session (id, lesson_id, learner_id, class_id, unit_id, opened_at)"
                            + " VALUES (?, ?, ?, ?, ?, NOW(3))",
                    l,
                    lesson,
                    learner,
                    f.classId(),
                    unit);
            live.put(learner, l);
        }
        Map<String, Object> who = one(db, "SELECT username, token_version FROM account WHERE id = " + leaving);
        Instant before = Instant.now().minusSeconds(1);

        accounts.signOut(
                new Caller(leaving, (String) who.get("username"), Role.LEARNER, number(who.get("token_version"))),
                "127.0.0.1");

        assertEquals(
                number(who.get("token_version")) + 1,
                number(one(db, "SELECT token_version FROM account WHERE id = " + leaving)
                        .get("token_version")));
        // attendance observes it: the learner's video ends now
        Map<String, Object> ended = one(
                db,
                "SELECT ended_reason, UNIX_TIMESTAMP(ended_at) AS ended FROM playback_session WHERE id = '"
                        + playback.get(leaving) + "'");
        assertEquals("SIGNED_OUT", ended.get("ended_reason"));
        assertTrue(((Number) ended.get("ended")).doubleValue() >= before.getEpochSecond());
        // ... and so do the live lessons it tells (ActivityCredit, OpenActivities)
        assertEquals(
                "SIGNED_OUT",
                one(db, "SELECT ended_reason FROM live_session WHERE id = '" + live.get(leaving) + "'")
                        .get("ended_reason"));
        // resourcepack observes it: media-service refuses the account's grants from now
        assertNotNull(one(db, "SELECT revoked_at FROM media_grant_revocation WHERE account_id = " + leaving));
        // nothing of the other learner's
        assertNull(one(db, "SELECT ended_at FROM playback_session WHERE id = '" + playback.get(staying) + "'")
                .get("ended_at"));
        assertNull(one(db, "SELECT ended_at FROM live_session WHERE id = '" + live.get(staying) + "'")
                .get("ended_at"));
        assertEquals(
                0,
                number(one(db, "SELECT COUNT(*) AS n FROM media_grant_revocation WHERE account_id = " + staying)
                        .get("n")));
    }

    // --- exams ---

    /**
     * The sweep and the learner's own submit reach an attempt whose time is up at the same moment: one of them grades
     * it, the other finds it graded. Every write that grades (the attempt's row with a submission time, an item's row
     * with its points) is counted by triggers of this test's own, so that a second grading shows even when it writes
     * the same values. The WAR's own sweep waits an hour here (the failsafe configuration): this test is the sweep.
     */
    @Test
    void anAttemptWhoseTimeIsUpIsGradedOnceWhenTheSweepAndTheLearnersLateSubmitRace() throws Exception {
        Fixture f = activeClass(1);
        long learner = f.learners().get(0);
        Caller learnerCaller = new Caller(
                learner,
                (String) one(db, "SELECT username FROM account WHERE id = " + learner)
                        .get("username"),
                Role.LEARNER,
                0);
        long teacher = account(Role.TEACHER);
        long unit = number(
                one(db, "SELECT id FROM catalogue_unit ORDER BY id LIMIT 1").get("id"));
        long single = question(unit, "SINGLE_CHOICE", "[\"甲\",\"乙\",\"丙\",\"丁\"]", "B", teacher);
        long trueFalse = question(unit, "TRUE_FALSE", "[\"对\",\"错\"]", "T", teacher);
        long multiple = question(unit, "MULTIPLE_CHOICE", "[\"甲\",\"乙\",\"丙\",\"丁\"]", "AC", teacher);
        long exam = insert(
                "INSERT INTO assessment_exam (class_id, title, blueprint, opens_at, closes_at, duration_minutes,"
                        + " points_single, points_multiple, points_true_false, pass_mark, created_by, created_at)"
                        + " VALUES (?, '限时考试', 'BASIC', NOW(3) - INTERVAL 1 HOUR, NOW(3) + INTERVAL 1 HOUR, 30, 2, 3,"
                        + " 1, 60, ?, NOW(3))",
                f.classId(),
                teacher);
        try {
            update("CREATE TABLE it_grading (attempt_id BIGINT NOT NULL, what VARCHAR(8) NOT NULL)");
            update(
                    "CREATE TRIGGER it_attempt_graded AFTER UPDATE ON assessment_attempt FOR EACH ROW BEGIN"
                            + " IF NEW.submitted_at IS NOT NULL THEN INSERT INTO it_grading VALUES (NEW.id, 'attempt'); END IF; END");
            update(
                    "CREATE TRIGGER it_item_graded AFTER UPDATE ON assessment_attempt_item FOR EACH ROW BEGIN"
                            + " IF NEW.awarded IS NOT NULL THEN INSERT INTO it_grading VALUES (NEW.attempt_id, 'item'); END IF; END");
            int sweepGraded = 0;
            for (int round = 0; round < 5; round++) {
                // Its deadline passed 5 s ago: past the 3 s an answer on its way still has.
                long attempt = insert(
                        "INSERT INTO assessment_attempt (exam_id, learner_id, number, seed, started_at, deadline,"
                                + " max_score) VALUES (?, ?, ?, 1, NOW(3) - INTERVAL 30 MINUTE,"
                                + " NOW(3) - INTERVAL 5 SECOND, 6)",
                        exam,
                        learner,
                        round + 1);
                item(attempt, 1, single, "SINGLE_CHOICE", "B", 2, "B");
                item(attempt, 2, trueFalse, "TRUE_FALSE", "T", 1, "F");
                item(attempt, 3, multiple, "MULTIPLE_CHOICE", "AC", 3, null);

                List<Object> outcomes = this.<Object>together(
                        () -> attempts.submitExpired(), () -> attempts.submit(attempt, learnerCaller));

                String where = "round " + round + ", attempt " + attempt + ": ";
                assertEquals(
                        List.of("1 attempt", "3 item"),
                        column(
                                db,
                                "SELECT CONCAT_WS(' ', COUNT(*), what) AS v FROM it_grading WHERE attempt_id = "
                                        + attempt + " GROUP BY what ORDER BY what"),
                        where + "graded once: one write of the attempt, one of each item");
                Map<String, Object> row = one(
                        db,
                        "SELECT submitted_by, score, submitted_at = deadline AS at_deadline FROM assessment_attempt"
                                + " WHERE id = " + attempt);
                assertEquals("TIME_UP", row.get("submitted_by"), where);
                assertEquals(2, number(row.get("score")), where + "the single choice right, the others not");
                assertEquals(Boolean.TRUE, bool(row.get("at_deadline")), where + "submitted as of its deadline");
                assertEquals(
                        List.of("2", "0", "0"),
                        column(
                                db,
                                "SELECT awarded AS v FROM assessment_attempt_item WHERE attempt_id = " + attempt
                                        + " ORDER BY position"));
                // Whoever graded it, the learner is shown the graded attempt.
                Attempts.AttemptView seen = (Attempts.AttemptView) outcomes.get(1);
                assertEquals(Attempt.SubmittedBy.TIME_UP, seen.submittedBy(), where);
                assertNotNull(seen.result(), where + "the learner's answer carries the result");
                assertEquals(2, seen.result().score(), where);
                assertEquals(6, seen.result().maxScore(), where);
                @SuppressWarnings("unchecked")
                List<Long> swept = (List<Long>) outcomes.get(0);
                if (swept.contains(attempt)) {
                    sweepGraded++;
                }
            }
            System.out.println("[SchemaAndStoresIT] the sweep graded " + sweepGraded + " of 5 racing attempts");
        } finally {
            update("DROP TRIGGER IF EXISTS it_attempt_graded");
            update("DROP TRIGGER IF EXISTS it_item_graded");
            update("DROP TABLE IF EXISTS it_grading");
        }
    }

    // --- practical exams ---

    @Test
    void thePracticalExamsStoreReadsBackEachColumnItWrote() throws Exception {
        Fixture f = activeClass(2);
        long a = f.learners().get(0);
        long b = f.learners().get(1);
        long teacher = account(Role.TEACHER);
        String teacherName = (String)
                one(db, "SELECT full_name FROM account WHERE id = " + teacher).get("full_name");
        Instant opens = Instant.parse("2031-04-01T01:00:00.123Z");
        Instant closes = Instant.parse("2031-04-08T09:30:00.456Z");
        long exam = inTransaction(() ->
                practicals.createExam(f.classId(), "实操考核（一）", "2.1.1", opens, closes, 70, teacher, Instant.now()));

        assertEquals(
                new PracticalStore.ExamRow("实操考核（一）", "2.1.1", opens, closes, 70), read(() -> practicals.exam(exam)));
        assertEquals(new PracticalStore.Window(opens, closes), read(() -> practicals.window(exam)));
        assertEquals(70, read(() -> practicals.passMark(exam)));
        assertEquals("实操考核（一）", read(() -> practicals.title(exam)));
        assertEquals(f.classId(), read(() -> practicals.classOf(exam)));
        assertNull(read(() -> practicals.classOf(-1)));
        assertEquals(
                List.of(new PracticalStore.ClassExam(exam, "实操考核（一）", 70)),
                read(() -> practicals.examsOf(f.classId())));
        assertEquals(List.of(exam), read(() -> practicals.examIds(f.classId())));

        // Two tasks whose every column differs, so that a column read into the wrong field shows.
        inTransaction(() -> {
            practicals.createTask(
                    exam,
                    1,
                    entry("M2", "直播准备", 40, "C21", "搭建直播间", 60, "实操", 25, "X"),
                    List.of(new Criterion("  设备摆放 ", 6, " 灯光与机位 "), new Criterion("话术", 4, null)));
            practicals.createTask(
                    exam,
                    2,
                    entry("M3", "商品讲解", 35, "C31", "撰写讲解稿", 45, "笔试", 40, "Y"),
                    List.of(new Criterion("结构", 10, "开场、卖点、促单")));
            return null;
        });
        List<PracticalStore.TaskRow> tasks = read(() -> practicals.tasks(exam));
        assertEquals(2, tasks.size());
        long hands = tasks.get(0).id();
        long written = tasks.get(1).id();
        List<Criterion> handsRubric = List.of(new Criterion("设备摆放", 6, "灯光与机位"), new Criterion("话术", 4, ""));
        List<Criterion> writtenRubric = List.of(new Criterion("结构", 10, "开场、卖点、促单"));
        assertEquals(
                List.of(
                        new PracticalStore.TaskRow(
                                hands,
                                1,
                                "M2",
                                "直播准备",
                                40,
                                "C21",
                                "搭建直播间",
                                60,
                                Form.HANDS_ON,
                                25,
                                "X",
                                "",
                                handsRubric,
                                0),
                        new PracticalStore.TaskRow(
                                written,
                                2,
                                "M3",
                                "商品讲解",
                                35,
                                "C31",
                                "撰写讲解稿",
                                45,
                                Form.WRITTEN,
                                40,
                                "Y",
                                "",
                                writtenRubric,
                                0)),
                tasks);
        assertEquals(Form.HANDS_ON, read(() -> practicals.form(exam, hands)));
        assertEquals(Form.WRITTEN, read(() -> practicals.form(exam, written)));
        assertNull(read(() -> practicals.form(exam + 1_000_000, hands)), "a task of another exam");
        assertEquals(
                new PracticalStore.LockedTask(writtenRubric, Form.WRITTEN),
                inTransaction(() -> practicals.lockTask(exam, written)));
        assertNull(inTransaction(() -> practicals.lockTask(exam + 1_000_000, written)));
        List<Criterion> edited = List.of(new Criterion("设备摆放", 5, "三点布光"), new Criterion("话术", 5, ""));
        inTransaction(() -> {
            practicals.editTask(hands, "请在 25 分钟内完成直播间搭建。", edited);
            return null;
        });
        assertEquals(
                "请在 25 分钟内完成直播间搭建。", read(() -> practicals.tasks(exam)).get(0).instructions());
        assertEquals(edited, read(() -> practicals.tasks(exam)).get(0).rubric());
        assertEquals("", read(() -> practicals.tasks(exam)).get(1).instructions(), "the other task unchanged");

        // Learner a: a text answer, then a document (a second revision keeping the text).
        byte[] pdf = "%PDF-1.4\n% 方案\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        Instant before = Instant.now().minusSeconds(1);
        inTransaction(() -> {
            practicals.saveAnswer(written, a, "开场介绍产品卖点。");
            practicals.saveDocument(written, a, new Document("讲解稿.pdf", "application/pdf", pdf, sha), pdf);
            return null;
        });
        // Learner b: a recording, replaced by a second one.
        String firstTake = UUID.randomUUID().toString();
        String secondTake = UUID.randomUUID().toString();
        inTransaction(() -> {
            practicals.saveRecording(hands, b, firstTake, "第一遍.mp4");
            practicals.saveRecording(hands, b, secondTake, "第二遍.mp4");
            practicals.saveGrade(hands, b, "[4,3]", 7, 10, "初评", teacher);
            practicals.saveGrade(hands, b, "[5,4]", 9, 10, "灯光良好，话术流畅。", teacher);
            return null;
        });
        Instant after = Instant.now().plusSeconds(1);

        Work aWritten = read(() -> practicals.work(written, a));
        Work.SubmissionView text = aWritten.submission();
        assertEquals(a, text.learnerId());
        assertEquals("开场介绍产品卖点。", text.text());
        assertEquals(new Work.DocumentInfo("讲解稿.pdf", "application/pdf", pdf.length, sha), text.document());
        assertNull(text.recording());
        assertEquals(2, text.revision());
        assertTrue(!text.submittedAt().isBefore(before) && !text.submittedAt().isAfter(after), text.submittedAt() + "");
        assertNull(aWritten.grade());
        Document stored = read(() -> practicals.document(written, a));
        assertEquals("讲解稿.pdf", stored.fileName());
        assertEquals("application/pdf", stored.contentType());
        assertEquals(sha, stored.sha256());
        assertEquals(HexFormat.of().formatHex(pdf), HexFormat.of().formatHex(stored.content()));
        assertNull(read(() -> practicals.document(hands, b)), "a recording is no document");
        assertEquals(new Work(hands, a, null, null), read(() -> practicals.work(hands, a)));

        Work bHands = read(() -> practicals.work(hands, b));
        assertNull(bHands.submission().text());
        assertNull(bHands.submission().document());
        assertEquals(
                new Work.RecordingInfo(secondTake, "第二遍.mp4"),
                bHands.submission().recording());
        assertEquals(2, bHands.submission().revision());
        assertEquals(List.of(secondTake), read(() -> practicals.recordingAssets(hands, b)));
        assertEquals(List.of(), read(() -> practicals.recordingAssets(written, a)));
        Work.GradeView grade = bHands.grade();
        assertEquals(
                new Work.GradeView(List.of(5, 4), 9, 10, "灯光良好，话术流畅。", grade.gradedAt(), teacherName),
                grade,
                "the regrade replaced the grade, named by its grader");
        assertTrue(!grade.gradedAt().isBefore(before) && !grade.gradedAt().isAfter(after), grade.gradedAt() + "");
        assertEquals(1, read(() -> practicals.gradeCount(hands)).intValue());
        assertEquals(0, read(() -> practicals.gradeCount(written)).intValue());
        assertEquals(
                List.of(1, 0),
                read(() -> practicals.tasks(exam)).stream()
                        .map(PracticalStore.TaskRow::grades)
                        .toList());

        Map<Long, Map<Long, Work>> everyone = read(() -> practicals.works(exam, null));
        assertEquals(Set.of(a, b), everyone.keySet());
        assertEquals(Map.of(written, aWritten), everyone.get(a));
        assertEquals(Map.of(hands, bHands), everyone.get(b));
        assertEquals(Map.of(a, Map.of(written, aWritten)), read(() -> practicals.works(exam, a)), "one learner's only");
        assertEquals(
                List.of(new PracticalStore.Learner(a, username(a), fullName(a))),
                read(() -> practicals.learners(List.of(a))));
    }

    // --- helpers ---

    /** An active class of its own with {@code learners} learners of its own. */
    private record Fixture(long classId, List<Long> learners) {}

    private Fixture activeClass(int learners) throws SQLException {
        long edition = number(
                one(db, "SELECT id FROM catalogue_edition ORDER BY id LIMIT 1").get("id"));
        long plan = insert(
                "INSERT INTO training_plan (edition_id, name, level, job_type, kind, created_by, created_at)"
                        + " VALUES (?, 'it plan', 'L5', 'LIVE_SELLER', 'NEW_ENTRANT', 'admin', NOW(3))",
                edition);
        long classId = insert(
                "INSERT INTO training_class (name, plan_id, delivery_mode, starts_on, ends_on, leads_to_certificate,"
                        + " status, class_hour_minutes, activated_at) VALUES (?, ?, 'ONLINE', CURRENT_DATE,"
                        + " CURRENT_DATE + INTERVAL 90 DAY, 1, 'ACTIVE', 45, NOW(3))",
                "it class " + UUID.randomUUID(),
                plan);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < learners; i++) {
            long learner = account(Role.LEARNER);
            update("INSERT INTO class_learner (class_id, account_id) VALUES (?, ?)", classId, learner);
            ids.add(learner);
        }
        return new Fixture(classId, ids);
    }

    private long account(Role role) throws SQLException {
        return insert(
                "INSERT INTO account (username, role, full_name, password_hash) VALUES (?, ?, ?, 'not-a-hash')",
                "it-" + UUID.randomUUID().toString().substring(0, 18),
                role.name(),
                "测试" + role.name().toLowerCase());
    }

    private long question(long unit, String type, String options, String answer, long author) throws SQLException {
        return insert(
                "INSERT INTO assessment_question (unit_id, type, difficulty, stem, options, answer, created_by,"
                        + " created_at, updated_by, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?, NOW(3), ?, NOW(3))",
                unit,
                type,
                "题干 " + type,
                options,
                answer,
                author,
                author);
    }

    /** An item of the attempt, answered ({@code answer} non-null) before its deadline and not graded yet. */
    private void item(long attempt, int position, long question, String type, String correct, int points, String answer)
            throws SQLException {
        update(
                "INSERT INTO assessment_attempt_item (attempt_id, position, question_id, module_code, module_name,"
                        + " course_code, unit_name, type, stem, options, correct_answer, points, answer, answered_at)"
                        + " SELECT ?, ?, id, 'M1', '模块一', 'C1', '单元一', type, stem, options, ?, ?, ?,"
                        + " IF(? IS NULL, NULL, NOW(3) - INTERVAL 1 MINUTE) FROM assessment_question WHERE id = ?",
                attempt,
                position,
                correct,
                points,
                answer,
                answer,
                question);
    }

    private static PracticalContentEntry entry(
            String moduleCode,
            String moduleName,
            int moduleWeight,
            String contentCode,
            String contentName,
            int weight,
            String form,
            int minutes,
            String importance) {
        return new PracticalContentEntry(
                null,
                "2.1.1",
                Level.L5,
                JobType.LIVE_SELLER,
                "实操考核",
                moduleCode,
                moduleName,
                moduleWeight,
                contentCode,
                contentName,
                weight,
                form,
                "必选",
                minutes,
                importance,
                1,
                0);
    }

    /** Runs the work in a transaction of its own (the store's statements need one), committed when it returns. */
    private <T> T inTransaction(Callable<T> work) throws Exception {
        tx.begin();
        try {
            T out = work.call();
            tx.commit();
            return out;
        } finally {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tx.rollback();
            }
        }
    }

    /** The store's reads run in a transaction of their own, as every caller of theirs does (a JDBC connection of JPA's). */
    private <T> T read(Callable<T> work) throws Exception {
        return inTransaction(work);
    }

    private String username(long account) throws SQLException {
        return (String)
                one(db, "SELECT username FROM account WHERE id = " + account).get("username");
    }

    private String fullName(long account) throws SQLException {
        return (String)
                one(db, "SELECT full_name FROM account WHERE id = " + account).get("full_name");
    }

    private Caller administrator() throws SQLException {
        Map<String, Object> admin = one(db, "SELECT id, username FROM account WHERE role = 'ADMINISTRATOR' LIMIT 1");
        return new Caller(number(admin.get("id")), (String) admin.get("username"), Role.ADMINISTRATOR, 0);
    }

    private static Reminders.Request request(Fixture f) {
        return new Reminders.Request(f.classId(), f.learners(), null, "请尽快补足学时。");
    }

    private int remindersOf(long classId, long learner) throws SQLException {
        return number(one(
                        db,
                        "SELECT COUNT(*) AS n FROM notice WHERE class_id = " + classId + " AND recipient_id = "
                                + learner)
                .get("n"));
    }

    /** Runs both at the same moment on the server's managed threads, each in transactions of its own. */
    @SafeVarargs
    private <T> List<T> together(Callable<T>... work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(work.length);
        List<Future<T>> running = new ArrayList<>();
        for (Callable<T> w : work) {
            running.add(executor.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return w.call();
            }));
        }
        List<T> out = new ArrayList<>();
        for (Future<T> f : running) {
            out.add(f.get(60, TimeUnit.SECONDS));
        }
        return out;
    }

    private int latestMigration() {
        return java.util.Arrays.stream(flyway(db).info().all())
                .filter(m -> m.getVersion() != null)
                .mapToInt(m -> Integer.parseInt(m.getVersion().getVersion()))
                .max()
                .orElseThrow();
    }

    /** Flyway as the start-up configures it, to read what is applied and what is pending. */
    private static Flyway flyway(DataSource on) {
        return Flyway.configure(Thread.currentThread().getContextClassLoader())
                .dataSource(on)
                .locations("classpath:db/migration/lms")
                .table("flyway_history_lms")
                .load();
    }

    private static List<String> upTo(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).toList();
    }

    /** A new empty database on the same server, reached with its own data source (several statements a call). */
    private MariaDbLocalDataSource freshDatabase(String name) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        String url = ConfigProvider.getConfig().getValue("lms.db.url", String.class);
        MariaDbLocalDataSource other = new MariaDbLocalDataSource();
        other.setUrl(url.substring(0, url.lastIndexOf('/') + 1) + name + "?allowMultiQueries=true");
        other.setUser(ConfigProvider.getConfig().getValue("lms.db.user", String.class));
        other.setPassword(ConfigProvider.getConfig().getValue("lms.db.password", String.class));
        return other;
    }

    /** Columns, indexes and foreign keys of every table of a database, as comparable text. */
    private static List<String> schema(DataSource on, String database) throws SQLException {
        List<String> out = new ArrayList<>();
        out.addAll(column(
                on,
                "SELECT CONCAT_WS(' ', 'column', table_name, ordinal_position, column_name, column_type, is_nullable,"
                        + " IFNULL(column_default, '-'), extra) AS v FROM information_schema.columns"
                        + " WHERE table_schema = '" + database + "' ORDER BY table_name, ordinal_position"));
        out.addAll(column(
                on,
                "SELECT CONCAT_WS(' ', 'index', table_name, index_name, seq_in_index, column_name, non_unique) AS v"
                        + " FROM information_schema.statistics WHERE table_schema = '" + database
                        + "' ORDER BY table_name, index_name, seq_in_index"));
        out.addAll(column(
                on,
                "SELECT CONCAT_WS(' ', 'foreign key', table_name, constraint_name, referenced_table_name,"
                        + " update_rule, delete_rule) AS v FROM information_schema.referential_constraints"
                        + " WHERE constraint_schema = '" + database + "' ORDER BY table_name, constraint_name"));
        return out;
    }

    private long insert(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(s, params);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void update(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }

    /** Every row as column label to value. */
    private static List<Map<String, Object>> rows(DataSource on, String sql) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = on.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String label = meta.getColumnLabel(i);
                    row.put(label, r.getObject(label));
                }
                out.add(row);
            }
        }
        return out;
    }

    private static Map<String, Object> one(DataSource on, String sql) throws SQLException {
        List<Map<String, Object>> all = rows(on, sql);
        assertEquals(1, all.size(), "one row of " + sql);
        return all.get(0);
    }

    /** The column {@code v} (or the only one) of every row, as text. */
    private static List<String> column(DataSource on, String sql) throws SQLException {
        return rows(on, sql).stream()
                .map(row -> String.valueOf(row.containsKey("v") ? row.get("v") : row.get("version")))
                .toList();
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }

    private static Boolean bool(Object value) {
        return value instanceof Number n ? n.intValue() != 0 : (Boolean) value;
    }

    private static long epoch(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not in the deployment");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A script of several statements in one call; every result read, so that a failing statement throws here. */
    private static void runAll(Statement s, String script) throws SQLException {
        s.execute(script);
        while (s.getMoreResults() || s.getUpdateCount() != -1) {
            // next result
        }
    }
}
