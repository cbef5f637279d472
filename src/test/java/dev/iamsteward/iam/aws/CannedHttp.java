package dev.iamsteward.iam.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A loopback HTTP endpoint that answers AWS query-protocol calls from a script and records their parameters. */
final class CannedHttp implements AutoCloseable {

    /** One scripted answer. */
    record Answer(int status, String contentType, String body) {

        static Answer xml(String body) {
            return new Answer(200, "text/xml", body);
        }
    }

    private final HttpServer server;
    private final List<Map<String, String>> calls = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> signatures = new CopyOnWriteArrayList<>();

    private CannedHttp(Function<Map<String, String>, Answer> script) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> answer(exchange, script));
        server.start();
    }

    /** Starts an endpoint that answers each call with what {@code script} returns for its form parameters. */
    static CannedHttp answering(Function<Map<String, String>, Answer> script) {
        try {
            return new CannedHttp(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The Authorization header of every call so far, in order: whose key signed it. */
    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The form parameters of every call so far, in order. */
    List<Map<String, String>> calls() {
        return List.copyOf(calls);
    }

    /** The Authorization and X-Amz-Security-Token headers of every call so far, in order (absent: not there). */
    List<Map<String, String>> signatures() {
        return List.copyOf(signatures);
    }

    private void answer(HttpExchange exchange, Function<Map<String, String>, Answer> script) throws IOException {
        Map<String, String> signature = new LinkedHashMap<>();
        for (String header : List.of("Authorization", "X-Amz-Security-Token")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                signature.put(header, value);
            }
        }
        signatures.add(signature);
        Map<String, String> parameters = form(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        calls.add(parameters);
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        Answer answer = script.apply(parameters);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Arrays.stream(body.split("&")).filter(p -> !p.isEmpty()).forEach(pair -> {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(decode(key), decode(value));
        });
        return parameters;
    }

    private static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
