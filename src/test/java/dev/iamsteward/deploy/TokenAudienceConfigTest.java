package dev.iamsteward.deploy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code steward.security.token-audience} as the shipped Kubernetes ConfigMap gives it, in a configuration source
 * that Quarkus checks for unknown {@code steward.*} names, wired to the OIDC audience as production wires it.
 */
@QuarkusTest
@TestProfile(TokenAudienceConfigTest.ShippedAudience.class)
class TokenAudienceConfigTest {

    /** The audience of deploy/kubernetes/config.yaml, and production's reference to it. */
    public static class ShippedAudience implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("steward.security.token-audience", shipped(),
                    "quarkus.oidc.token.audience", "${steward.security.token-audience}");
        }
    }

    static String shipped() {
        try {
            String properties = new YAMLMapper().readTree(KubernetesManifestsTest.DIR.resolve("config.yaml").toFile())
                    .path("data").path("application.properties").asText();
            Properties parsed = new Properties();
            parsed.load(new StringReader(properties));
            return parsed.getProperty("steward.security.token-audience");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aTokenForTheConfiguredAudienceIsAcceptedAndOneForAnotherIsNot() {
        RestAssured.given().auth().oauth2(token(shipped())).get("/v1/requests").then().statusCode(200);
        RestAssured.given().auth().oauth2(token("https://service.example.com")).get("/v1/requests").then()
                .statusCode(401);
    }

    private static String token(String audience) {
        return Jwt.preferredUserName("alice").subject("alice").groups(Set.of("requester"))
                .issuer("https://server.example.com").audience(audience).sign();
    }
}
