package cn.imtp.lms.presence.control;

/**
 * The consent text a learner agrees to before a face photo is taken (PIPL arts. 28–29: sensitive personal information,
 * separate consent). A change of wording is a new version: consent to an older one no longer counts.
 */
public record ConsentText(String version, String text, String textEn) {

    public static final ConsentText CURRENT = new ConsentText(
            "2026-12",
            "人脸核验说明（个人敏感信息单独同意）\n"
                    + "目的：本班按照职业技能培训线上学习的要求，在学习过程中随机进行人脸核验，确认学习者是报名本人；核验不通过或未作答期间的学时暂缓计入，由老师或管理员审核。\n"
                    + "处理的信息：您登记的一张本人照片（参照照片），以及每次核验时摄像头拍摄的 2–3 帧画面。比对在本平台自己的服务器上完成，不发送给任何第三方。\n"
                    + "保存：照片加密存储，密钥不在数据库中；参照照片自登记起保存一年，核验画面只在核验未通过时保留一年供审核，期满自动删除。\n"
                    + "谁能看到：仅本班老师和平台管理员在审核未通过的核验时可以看到参照照片和核验画面。\n"
                    + "撤回：您可以随时在本页撤回同意，参照照片和保留的画面随即删除；撤回后，在要求人脸核验的班级中学习不再计入学时，除非管理员为您登记其他核验方式；已计入的学时不受影响，待审核的学时仍由老师审核。\n"
                    + "不同意或没有摄像头：请联系班级老师，由管理员登记其他核验方式（如现场核验）。",
            "Face checks (separate consent to sensitive personal information)\n"
                    + "Purpose: as online vocational training requires, random face checks during study confirm that the enrolled learner is the one"
                    + " studying; time after a failed or unanswered check is withheld until a teacher or administrator reviews it.\n"
                    + "What is processed: one reference photo of you, and 2–3 camera frames at each check, compared on this platform's own server"
                    + " and sent to no third party.\n"
                    + "Retention: photos are stored encrypted with a key kept outside the database; the reference photo for one year after enrolment,"
                    + " a check's frames only when it failed, for one year, for review; then they are deleted.\n"
                    + "Who sees them: only the class's teachers and the platform's administrators, when reviewing a failed check.\n"
                    + "Withdrawal: you may withdraw here at any time; your photos are deleted at once. Afterwards study in classes that require face"
                    + " checks no longer counts unless an administrator records another verification; hours already credited stay, withheld hours"
                    + " are still reviewed.\n"
                    + "If you do not consent or have no camera: contact your class's teachers; an administrator can record another verification.");
}
