package dev.iamsteward.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamsteward.support.Tokens;
import io.quarkus.logging.Log;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Property-based contract test: schemathesis (pinned in src/test/schemathesis/requirements.txt) generates
 * requests from the document the service serves, valid and invalid, and checks every answer against it: no
 * server error, a documented status, the documented content type, headers and body schema. Once per role,
 * each within a time budget; the reports are left in target/schemathesis/.
 */
@QuarkusTest
class ContractTest {

    private static final List<String> CHECKS = List.of("not_a_server_error", "status_code_conformance",
            "content_type_conformance", "response_headers_conformance", "response_schema_conformance");

    @TestHTTPResource("/q/openapi")
    URL document;

    @ParameterizedTest(name = "as {1}")
    @CsvSource({"alice, requester", "bob, approver", "dave, admin", "erin, auditor"})
    void everyAnswerConformsToTheDocument(String user, String role) throws Exception {
        Path reports = Path.of("target", "schemathesis", role);
        Files.createDirectories(reports);
        Path output = reports.resolve("output.txt");
        Process st = new ProcessBuilder(List.of(schemathesis(), "run", document.toString(),
                "--checks", String.join(",", CHECKS),
                "--header", "Authorization: Bearer " + Tokens.token(user, role),
                "--max-examples", System.getProperty("contract.max-examples", "25"),
                "--max-time", System.getProperty("contract.max-time", "25"),
                "--seed", "20261202", "--workers", "1", "--request-timeout", "20",
                "--suppress-health-check", "all", "--output-sanitize", "true",
                "--report", "junit", "--report-dir", reports.toAbsolutePath().toString()))
                .directory(reports.getParent().toFile()) // schemathesis keeps its .schemathesis cache there
                .redirectErrorStream(true).redirectOutput(output.toAbsolutePath().toFile()).start();
        boolean finished = st.waitFor(5, TimeUnit.MINUTES);
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Log.infof("schemathesis as %s:%n%s", role, summary(text));
        assertEquals(true, finished, "schemathesis did not finish in time");
        assertEquals(0, st.exitValue(), text);
    }

    private static String schemathesis() {
        return System.getProperty("schemathesis",
                Path.of("target/schemathesis-venv/bin/schemathesis").toAbsolutePath().toString());
    }

    private static String summary(String output) {
        int start = output.lastIndexOf("SUMMARY");
        return start < 0 ? output : output.substring(start);
    }
}
