/**
 * Resource packs (资源包): the teaching, learning, assessment and information resources of the training
 * package, attached to learning units (information resources may attach to a level, a job type, or
 * nothing), each with versions whose files live in object storage as media-service assets.
 *
 * <p>A resource belongs to the class it was added in; an administrator shares it with other classes or with
 * every class whose plan has its unit (the institution's library). lms-web decides who may reach what
 * ({@link cn.imtp.lms.resourcepack.control.ResourceAccess}, pure): teaching resources never reach learners;
 * assessment resources (question banks' papers, rubrics, sample papers) reach a learner inside that learner's own open
 * exam attempt of a class they reach (the assessment feature issues those grants), and in the class's packs only once a
 * teacher of the resource's class showed it to learners (off by default, audited); learning and information resources
 * reach the learners of the active classes they reach. A class's four packs are listed together, as the package
 * names them, for its learners, teachers and the administrators. Teachers see what reaches their classes and what they added;
 * only the teacher who added a resource, while teaching its class, or an administrator changes it. Learners
 * see only the published version; teachers and administrators may preview any.
 *
 * <p>It hands out {@link cn.imtp.platform.security.MediaGrant}s: short-lived JWTs for one user and one
 * asset, which media-service verifies with the public key alone, with no call back. An upload grant
 * lets a teacher upload the file of one new version; a view grant lets its holder play or download it.
 * A version's asset id is generated here, so a version exists before its upload and an upload can be
 * resumed with a fresh grant.
 *
 * <p>Out of scope here: the upload, transcoding and streaming themselves (media-service), and editing a
 * resource's title or unit after creation.
 */
package cn.imtp.lms.resourcepack;
