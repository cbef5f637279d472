package dev.iamsteward.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The document the service serves is valid OpenAPI as an outside validator (openapi-spec-validator, pinned in
 * src/test/moto/requirements.txt) sees it. The document is left in target/openapi/ for the other tools.
 */
@QuarkusTest
class OpenApiValidityTest {

    static Path servedDocument() throws IOException {
        String json = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Path file = Path.of("target", "openapi", "openapi.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theServedDocumentValidates() throws Exception {
        Path document = servedDocument();
        Path validator = Path.of(System.getProperty("moto.server", "target/moto-venv/bin/moto_server"))
                .resolveSibling("openapi-spec-validator");
        Process process = new ProcessBuilder(List.of(validator.toString(), document.toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(2, TimeUnit.MINUTES);
        assertEquals(0, process.exitValue(), output);
    }
}
