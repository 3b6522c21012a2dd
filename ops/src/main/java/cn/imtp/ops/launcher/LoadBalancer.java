package cn.imtp.ops.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * HAProxy (Debian's package) in front of several application nodes, on the platform's port: round robin without sticky
 * sessions, each node taken out while its WARs are not deployed or do not reach the database ({@code /api/node} and
 * {@code /media/api/node}), and a request that could not reach a node
 * (refused connection) sent to another. It connects to the nodes from {@link LauncherSettings#LOAD_BALANCER_SOURCE},
 * the one proxy the nodes trust. When no node is ready it answers a problem document itself.
 */
final class LoadBalancer implements AutoCloseable {

    private static final List<Path> DEBIAN = List.of(Path.of("/usr/sbin/haproxy"), Path.of("/usr/bin/haproxy"));

    /** How often each node is checked, and how many failed checks in a row take it out. */
    private static final int CHECK_SECONDS = 2;

    private static final int FALL = 2;

    /**
     * How long after a node died the load balancer has surely taken it out: its failed checks in a row, one interval
     * of slack and the check's own time-out margin. A node started again sooner would accept connections (Payara
     * listens before the WARs are deployed) while the balancer still counts it in, and answer requests with a bare 404.
     */
    static final Duration TAKES_A_DEAD_NODE_OUT = Duration.ofSeconds((long) CHECK_SECONDS * (FALL + 1) + 2);

    private final ChildProcess process;
    private final int port;

    private LoadBalancer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static LoadBalancer start(LauncherSettings s) throws IOException {
        String haproxy = executable(s);
        Path dir = Files.createDirectories(s.varDir().resolve("haproxy"));
        Files.writeString(
                dir.resolve("no-node-zh.json"),
                problem("平台暂时无法服务", "平台的应用节点都暂时不可用（正在启动、重启或维护）。已提交的数据没有丢失；请稍等片刻后重试。"),
                StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("no-node-en.json"),
                problem(
                        "The platform is unavailable for a moment",
                        "None of the platform's application nodes is available (starting, restarting or in maintenance). Nothing"
                                + " already accepted is lost; please try again in a moment."),
                StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("node-check.json"),
                "{\"type\":\"urn:imtp:problem:not-found\",\"title\":\"未找到 Not found\","
                        + "\"status\":404,\"detail\":\"这个地址只供负载均衡器检查节点。This address is for the load balancer's node checks only.\"}",
                StandardCharsets.UTF_8);
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, config(s, dir), StandardCharsets.UTF_8);
        return new LoadBalancer(
                ChildProcess.start(
                        "haproxy",
                        List.of(haproxy, "-db", "-f", config.toString()),
                        java.util.Map.of(),
                        s.varDir().resolve("logs")),
                s.port());
    }

    /** {@code LMS_HAPROXY}, else Debian's {@code haproxy}, else the first on the PATH. */
    private static String executable(LauncherSettings s) throws IOException {
        if (s.haproxy().isPresent()) {
            return s.haproxy().get();
        }
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(d -> !d.isBlank())
                .map(d -> Path.of(d, "haproxy"));
        Optional<Path> found = Stream.concat(DEBIAN.stream(), onPath)
                .filter(Files::isExecutable)
                .findFirst();
        return found.orElseThrow(
                        () -> new IOException("LMS_NODES=" + s.nodes() + " puts HAProxy in front of the nodes, but it"
                                + " is not installed: 'apt-get install haproxy', or name its program in LMS_HAPROXY."))
                .toString();
    }

    static String config(LauncherSettings s, Path dir) {
        List<String> lines = new ArrayList<>(List.of(
                // No maxconn: HAProxy sizes it from the file-descriptor limit it was given.
                "global",
                // Per-node counts for operators and the tests: echo 'show stat' | socat - var/haproxy/admin.sock
                "    stats socket " + dir.resolve("admin.sock") + " mode 600 level user",
                "defaults",
                "    mode http",
                "    timeout connect 3s",
                // Server-Sent Events (roster, live lesson) stay open; the nodes send something every few seconds.
                "    timeout client 5m",
                "    timeout server 5m",
                "    timeout http-request 30s",
                "    timeout queue 10s",
                // A readiness answer may take a few seconds on a busy node; slow is not down.
                "    timeout check 5s",
                // A request whose node refused the connection (it never reached one) goes to another node.
                "    retries 2",
                "    option redispatch 1",
                "    retry-on conn-failure",
                "frontend platform",
                "    bind :" + s.port(),
                "    option forwardfor",
                // A client's cleartext HTTP/2 upgrade (h2c; Java's HttpClient asks for one, browsers never do) would
                // turn
                // its connection into a tunnel to one node, out of round robin: the nodes see HTTP/1.1 requests only.
                "    http-request del-header Upgrade if { req.hdr(Upgrade) -m sub -i h2c }",
                "    http-request del-header HTTP2-Settings",
                // The node checks reach the nodes directly; from outside they would only let anyone make every node's
                // database pool busy with checks until HAProxy took the nodes out.
                "    http-request return status 404 content-type \"application/problem+json; charset=utf-8\" hdr Cache-Control no-store"
                        + " file " + dir.resolve("node-check.json") + " if { path /api/node /media/api/node }",
                "    acl no_node nbsrv(nodes) lt 1",
                "    acl english req.hdr(Accept-Language) -m beg -i en",
                "    http-request return status 503 content-type \"application/problem+json; charset=utf-8\" hdr Retry-After 5"
                        + " hdr Cache-Control no-store file " + dir.resolve("no-node-en.json") + " if no_node english",
                "    http-request return status 503 content-type \"application/problem+json; charset=utf-8\" hdr Retry-After 5"
                        + " hdr Cache-Control no-store file " + dir.resolve("no-node-zh.json") + " if no_node",
                "    default_backend nodes",
                "backend nodes",
                "    balance roundrobin",
                "    source " + LauncherSettings.LOAD_BALANCER_SOURCE,
                // Each node's own readiness: both WARs deployed and reaching the database (GET /api/node,
                // /media/api/node).
                // Not /health/ready: it also reports object storage and ffmpeg, which every node shares, and a storage
                // outage would then take every node out at once although sign-in, beats and exams do not need storage.
                "    option httpchk",
                "    http-check connect",
                "    http-check send meth GET uri /api/node",
                "    http-check expect status 200",
                "    http-check connect",
                "    http-check send meth GET uri /media/api/node",
                "    http-check expect status 200",
                "    default-server inter " + CHECK_SECONDS + "s fall " + FALL + " rise 2"));
        for (int i = 1; i <= s.nodes(); i++) {
            lines.add("    server node" + i + " 127.0.0.1:" + s.nodePort(i) + " check");
        }
        return String.join("\n", lines) + "\n";
    }

    private static String problem(String title, String detail) {
        return "{\"type\":\"urn:imtp:problem:unavailable\",\"title\":\"" + title + "\",\"status\":503,\"detail\":\""
                + detail + "\"}";
    }

    /** Waits until the load balancer passes a request to a ready node. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        process.awaitReady(port, body -> true, timeout, "HAProxy");
    }

    @Override
    public void close() {
        process.close();
    }
}
