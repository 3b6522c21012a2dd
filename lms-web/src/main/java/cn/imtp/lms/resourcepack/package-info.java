/**
 * Resource packs (资源包): the teaching, learning, assessment and information resources of the training
 * package, attached to learning units (information resources may attach to a level, a job type, or
 * nothing), each with versions whose files live in object storage as media-service assets.
 *
 * <p>lms-web decides who may reach what ({@link cn.imtp.lms.resourcepack.control.ResourceAccess}, pure):
 * teaching resources never reach learners; assessment resources reach a learner only inside that
 * learner's own open exam attempt (the assessment feature issues those grants; nothing here does);
 * learning resources reach the learners of active classes whose plan contains the unit; information
 * resources reach everyone signed in. Learners see only the published version; teachers and
 * administrators may preview any.
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
