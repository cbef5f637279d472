package dev.iamsteward.webhook.outbound;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A subscriber and a Jira site on a free loopback port: records every request it gets and answers 204, or 500
 * as many times as a test asked for notifications about a given request.
 */
public class LocalReceiver implements QuarkusTestResourceLifecycleManager {

    static final String SUBSCRIBER_SECRET = "whsec_CnNb4+lWg7OmIJiwtmUYifgWtxwRCQM0";
    static final String JIRA_USER = "steward@example.com";
    static final String JIRA_TOKEN = "jira-api-token-for-comments";
    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

    private HttpServer server;

    /** One request the receiver got. */
    record Received(String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** The next {@code times} notifications about {@code requestId} are answered 500. */
    static void failFor(String requestId, int times) {
        FAILURES.put(requestId, new AtomicInteger(times));
    }

    static List<Received> about(String requestId) {
        return RECEIVED.stream().filter(r -> r.body().contains(requestId)).toList();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RECEIVED.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    body));
            boolean fail = FAILURES.entrySet().stream().anyMatch(e -> body.contains(e.getKey())
                    && e.getValue().getAndUpdate(n -> Math.max(0, n - 1)) > 0);
            exchange.sendResponseHeaders(fail ? 500 : 204, -1);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "steward.webhooks.subscribers.local.url", base + "/hooks",
                "steward.webhooks.subscribers.local.secrets", SUBSCRIBER_SECRET,
                "steward.webhooks.max-attempts", "3",
                "steward.webhooks.sources.jira.comment-back.base-url", base,
                "steward.webhooks.sources.jira.comment-back.user", JIRA_USER,
                "steward.webhooks.sources.jira.comment-back.token", JIRA_TOKEN);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
