package dev.iamsteward.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Dockerfile builds from what the allow-listed context holds and runs as the Deployment expects. */
class DockerImageTest {

    static List<String> lines(String file) throws IOException {
        return Files.readAllLines(Path.of(file)).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void theContextIsAnAllowListThatHoldsEverythingTheBuildCopies() throws IOException {
        List<String> ignore = lines(".dockerignore");
        assertEquals("*", ignore.get(0));
        List<String> allowed = ignore.stream().filter(l -> l.startsWith("!")).map(l -> l.substring(1)).toList();

        List<String> copied = new ArrayList<>();
        for (String line : lines("Dockerfile")) {
            if (line.startsWith("COPY ") && !line.contains("--from=")) {
                List<String> words = Arrays.stream(line.split("\\s+")).skip(1)
                        .filter(w -> !w.startsWith("--")).toList();
                copied.addAll(words.subList(0, words.size() - 1));
            }
        }
        assertTrue(copied.containsAll(List.of("pom.xml", "mvnw", "src/main")), copied.toString());
        for (String source : copied) {
            assertTrue(allowed.stream().anyMatch(a -> a.equals(source) || a.equals(source + "/")
                    || (a.endsWith("/") && source.startsWith(a))), source + " is not in the allow-list " + allowed);
        }
    }

    @Test
    void baseImagesArePinnedToExactVersions() throws IOException {
        List<String> from = lines("Dockerfile").stream().filter(l -> l.startsWith("FROM ")).toList();
        assertEquals(2, from.size());
        for (String line : from) {
            assertTrue(line.matches("FROM eclipse-temurin:17\\.\\d+\\.\\d+_\\d+-j(dk|re)-[a-z]+( AS \\w+)?"), line);
        }
    }

    @Test
    void theImageRunsTheFastJarAsTheNonRootUserTheDeploymentNames() throws IOException {
        List<String> dockerfile = lines("Dockerfile");
        JsonNode pod = KubernetesManifestsTest.podSpec();
        String user = pod.path("securityContext").path("runAsUser").asText() + ":"
                + pod.path("securityContext").path("runAsGroup").asText();
        assertTrue(dockerfile.contains("USER " + user), user);
        assertFalse(user.startsWith("0:"));
        assertTrue(dockerfile.contains("WORKDIR /deployments"));
        assertTrue(dockerfile.contains("EXPOSE " + pod.path("containers").get(0).path("ports").get(0)
                .path("containerPort").asText()));
        for (String layer : List.of("lib/", "*.jar", "app/", "quarkus/")) {
            assertTrue(dockerfile.stream()
                    .anyMatch(l -> l.startsWith("COPY --from=build /build/target/quarkus-app/" + layer)), layer);
        }
        assertTrue(dockerfile.stream().anyMatch(l -> l.startsWith("ENTRYPOINT")
                && l.contains("-jar /deployments/quarkus-run.jar") && l.contains("-XX:MaxRAMPercentage=50.0")));
    }
}
