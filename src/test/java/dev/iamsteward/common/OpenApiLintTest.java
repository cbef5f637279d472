package dev.iamsteward.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The served document passes Redocly CLI's recommended rules (pinned in src/test/openapi/package-lock.json,
 * installed by the build under target/openapi-lint) without an error; warnings are logged.
 */
@QuarkusTest
class OpenApiLintTest {

    @Test
    void theServedDocumentLintsWithoutErrors() throws Exception {
        Path document = OpenApiValidityTest.servedDocument();
        ProcessBuilder lint = new ProcessBuilder(List.of(
                System.getProperty("redocly", "target/openapi-lint/node_modules/.bin/redocly"), "lint",
                "--config", System.getProperty("redocly.config", "src/test/openapi/redocly.yaml"),
                "--format", "stylish", document.toString())).redirectErrorStream(true);
        lint.environment().put("REDOCLY_TELEMETRY", "off");
        lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process = lint.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(3, TimeUnit.MINUTES);
        Log.infof("Redocly lint of the served document:%n%s", output);
        assertEquals(0, process.exitValue(), output);
    }
}
