package dev.iamsteward.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy in front of an AWS query-protocol endpoint (moto) that can hold back the answers of one
 * action: the call reaches the endpoint and takes effect, and the answer comes only after {@code stall}, later than
 * the client waits. That is a timeout whose effect happened, as a slow IAM produces it.
 */
public final class StallingProxy implements AutoCloseable {

    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "expect",
            "transfer-encoding", "upgrade", "keep-alive");

    /** Where a test in another class loader (a Quarkus test's) tells the proxy what to stall. */
    private static final String CONTROL = "/stalling-proxy/";

    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> actions = new CopyOnWriteArrayList<>();
    private final AtomicInteger stallsLeft = new AtomicInteger();
    private volatile String stalledAction;
    private volatile Duration stall = Duration.ZERO;

    private StallingProxy(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.createContext(CONTROL, this::control);
        server.setExecutor(threads);
        server.start();
    }

    /** Starts a proxy that forwards everything to {@code target}. */
    public static StallingProxy to(URI target) {
        try {
            return new StallingProxy(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code times} calls of {@code action} take effect and are answered only after {@code delay}. */
    public void stallAnswers(String action, int times, Duration delay) {
        stalledAction = action;
        stall = delay;
        stallsLeft.set(times);
    }

    /** The Action of every call forwarded so far, in order. */
    public List<String> actions() {
        return List.copyOf(actions);
    }

    /** How many calls of {@code action} were forwarded. */
    public long count(String action) {
        return actions.stream().filter(action::equals).count();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String action = action(new String(body, StandardCharsets.UTF_8));
            actions.add(action);
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (action.equals(stalledAction) && stallsLeft.getAndDecrement() > 0) {
                Thread.sleep(stall.toMillis());
            }
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up waiting and closed the connection: that is the point of a stall.
        }
    }

    /**
     * Asks the proxy at {@code proxy}, over HTTP, to stall the next {@code times} answers of {@code action}; for a
     * test whose proxy was started by a test profile in another class loader.
     */
    public static void stallAnswers(URI proxy, String action, int times, Duration delay) {
        control(proxy, "stall?action=" + action + "&times=" + times + "&millis=" + delay.toMillis());
    }

    /** How many calls of {@code action} the proxy at {@code proxy} has forwarded. */
    public static long count(URI proxy, String action) {
        return Long.parseLong(control(proxy, "count?action=" + action));
    }

    private static String control(URI proxy, String command) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    proxy.resolve(CONTROL + command)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the proxy answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            String command = exchange.getRequestURI().getPath().substring(CONTROL.length());
            java.util.Map<String, String> query = new java.util.HashMap<>();
            for (String pair : exchange.getRequestURI().getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv[1]);
            }
            String answer = switch (command) {
                case "stall" -> {
                    stallAnswers(query.get("action"), Integer.parseInt(query.get("times")),
                            Duration.ofMillis(Long.parseLong(query.get("millis"))));
                    yield "ok";
                }
                case "count" -> String.valueOf(count(query.get("action")));
                default -> null;
            };
            byte[] body = (answer == null ? "unknown command" : answer).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String action(String form) {
        for (String pair : form.split("&")) {
            if (pair.startsWith("Action=")) {
                return pair.substring("Action=".length());
            }
        }
        return "";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
