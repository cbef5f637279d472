package dev.iamsteward.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * moto_servers for tests of the AWS adapter over real HTTP, each started once per test JVM on a free loopback port:
 * a plain one ({@link #get}), and one with AWS's managed policies loaded ({@link #withManagedPolicies},
 * {@code MOTO_IAM_LOAD_MANAGED_POLICIES=true}) for the tests that attach them, as console access attaches
 * {@code IAMUserChangePassword} and suspension {@code AWSDenyAll}. Loading them costs about a second for every account
 * moto sees and every reset, so the other tests use the plain one.
 */
public final class MotoServer {

    private static final String PROPERTY = "moto.server";
    private static final Map<String, String> PLAIN = Map.of();
    /** moto's settings the service's managed-policy attachments need; see docs/testing.md. */
    private static final Map<String, String> MANAGED_POLICIES = Map.of("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
    private static final Duration STARTUP = Duration.ofSeconds(60);
    /**
     * With the managed policies loaded, moto's state dump is about 4.5 MB and took 2.3 s on an idle core, and its
     * first IAM call and a reset about 1 s; on the two shared cores under a parallel build it is several times that.
     */
    private static final Duration CALL = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(CALL).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<Map<String, String>, MotoServer> STARTED = new HashMap<>();
    private static final Map<Map<String, String>, RuntimeException> FAILED = new HashMap<>();

    private final URI endpoint;

    private MotoServer(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The plain server of this JVM, started on first use; a failed start is reported again to every caller. */
    public static MotoServer get() {
        return started(PLAIN);
    }

    /** The server of this JVM that knows AWS's managed policies, started on first use. */
    public static MotoServer withManagedPolicies() {
        return started(MANAGED_POLICIES);
    }

    private static synchronized MotoServer started(Map<String, String> settings) {
        if (!STARTED.containsKey(settings) && !FAILED.containsKey(settings)) {
            try {
                STARTED.put(settings, start(settings));
            } catch (RuntimeException e) {
                FAILED.put(settings, e);
            }
        }
        RuntimeException failure = FAILED.get(settings);
        if (failure != null) {
            throw new IllegalStateException("moto_server is not available: " + failure.getMessage(), failure);
        }
        return STARTED.get(settings);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Forgets every resource in every emulated service, STS sessions included. */
    public void reset() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("moto reset answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** moto's dump of its in-memory backends (GET /moto-api/data.json), to see what the adapter did. */
    public JsonNode state() {
        try {
            return JSON.readTree(send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json")).GET()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(CALL).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static MotoServer start(Map<String, String> settings) {
        Path executable = executable();
        defaultCredential("aws.accessKeyId", "testing");
        defaultCredential("aws.secretAccessKey", "testing");
        try {
            int port = freePort();
            Path log = Files.createTempFile("moto-server-", ".log");
            ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p",
                    String.valueOf(port)).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(settings);
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, log), "moto-server-stop"));
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            awaitAnswer(process, endpoint, log);
            return new MotoServer(endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + executable, e);
        }
    }

    private static Path executable() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("System property " + PROPERTY + " is not set: run these tests via Maven "
                    + "(./mvnw test), which installs moto into target/moto-venv and passes its path");
        }
        Path executable = Path.of(configured);
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(PROPERTY + "=" + configured + " does not exist or is not executable: "
                    + "run via Maven (./mvnw test) so process-test-resources installs moto first");
        }
        return executable;
    }

    private static void awaitAnswer(Process process, URI endpoint, Path log) {
        await("moto_server answering on " + endpoint + " (log: " + log + ")")
                .atMost(STARTUP).pollInterval(Duration.ofMillis(200)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("moto_server exited with " + process.exitValue()
                                + ":\n" + Files.readString(log));
                    }
                    return HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).timeout(CALL).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The SDK's default chain reads these first; real credentials are never needed against moto. */
    private static void defaultCredential(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static void stop(Process process, Path log) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(log);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // a leftover log in the temp directory is harmless
        }
    }
}
