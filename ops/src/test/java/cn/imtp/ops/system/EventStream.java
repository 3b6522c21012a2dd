package cn.imtp.ops.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A Server-Sent Events stream of the platform read in the background, as a page reads it. */
final class EventStream {

    private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();

    /** Opens {@code path} with the bearer token; each event is queued as {"event": name, "data": JSON}. */
    static EventStream open(String token, String path) {
        return open(RunningPlatform.PORT, token, path);
    }

    /** The same read from {@code port}: the load balancer's or one node's. */
    static EventStream open(int port, String token, String path) {
        EventStream stream = new EventStream();
        HttpRequest request = HttpRequest.newBuilder(RunningPlatform.uri(port, path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> {
                    String[] name = {null};
                    try (Stream<String> lines = r.body()) {
                        lines.forEach(line -> {
                            if (line.startsWith("event:")) {
                                name[0] = line.substring(6).trim();
                            } else if (line.startsWith("data:") && name[0] != null) {
                                stream.events.add(Json.createObjectBuilder()
                                        .add("event", name[0])
                                        .add(
                                                "data",
                                                Json.createReader(new StringReader(line.substring(5)
                                                                .trim()))
                                                        .readValue())
                                        .build());
                            }
                        });
                    }
                });
        return stream;
    }

    /**
     * The data of the next event of that name that matches, skipping others; fails after 30 s (as {@link Browser#PATIENCE}:
     * the tests share two cores with ffmpeg).
     */
    JsonObject next(String name, Predicate<JsonObject> matching) throws InterruptedException {
        long until = System.currentTimeMillis() + Browser.PATIENCE.toMillis();
        while (System.currentTimeMillis() < until) {
            JsonObject e = events.poll(until - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
            if (e != null && e.getString("event").equals(name) && matching.test(e.getJsonObject("data"))) {
                return e.getJsonObject("data");
            }
        }
        throw new AssertionError("no '" + name + "' event as expected within " + Browser.PATIENCE.toSeconds() + " s");
    }
}
