package dev.iamsteward.common;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import dev.iamsteward.support.Requests;
import dev.iamsteward.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every endpoint against every role: no token is 401, a role without access is 403, the right role passes. */
@QuarkusTest
class AccessControlTest {

    private static final List<String> ROLES = List.of(Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR);
    private static final Set<String> EVERYONE = Set.copyOf(ROLES);

    /** One endpoint of the API and the roles that may call it. */
    record Endpoint(String method, String path, Set<String> allowed, boolean withBody) {

        Response call(RequestSpecification spec) {
            if (withBody) {
                spec = spec.contentType(ContentType.JSON).body(body());
            }
            return spec.request(method, path.replace("{id}", UUID.randomUUID().toString()));
        }

        private Object body() {
            if (path.endsWith("approvals")) {
                return Map.of("decision", "APPROVE");
            }
            if (path.endsWith("break-glass")) {
                return Map.of("reason", "no approver can be reached");
            }
            if (path.endsWith("review")) {
                return Map.of("comment", "justified");
            }
            if (path.endsWith("comments")) {
                return Map.of("text", "a remark");
            }
            return method.equals("PATCH") ? Map.of("reason", "changed")
                    : Map.of("type", "CREATE_USER", "userName", Requests.uniqueUserName("acl"), "reason", "r");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("POST", "/v1/requests", Set.of(Roles.REQUESTER, Roles.ADMIN), true),
                new Endpoint("GET", "/v1/requests", EVERYONE, false),
                new Endpoint("GET", "/v1/requests/{id}", EVERYONE, false),
                new Endpoint("PATCH", "/v1/requests/{id}", Set.of(Roles.REQUESTER, Roles.ADMIN), true),
                new Endpoint("POST", "/v1/requests/{id}/plan", Set.of(Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN),
                        false),
                new Endpoint("POST", "/v1/requests/{id}/cancel", Set.of(Roles.REQUESTER, Roles.ADMIN), false),
                new Endpoint("POST", "/v1/requests/{id}/comments", Set.of(Roles.REQUESTER, Roles.APPROVER,
                        Roles.ADMIN), true),
                new Endpoint("POST", "/v1/requests/{id}/approvals", Set.of(Roles.APPROVER, Roles.REQUESTER,
                        Roles.ADMIN), true),
                new Endpoint("POST", "/v1/requests/{id}/break-glass", Set.of(Roles.REQUESTER, Roles.ADMIN), true),
                new Endpoint("POST", "/v1/requests/{id}/break-glass/review", Set.of(Roles.APPROVER, Roles.REQUESTER,
                        Roles.ADMIN), true),
                new Endpoint("GET", "/v1/approval-rules", EVERYONE, false),
                new Endpoint("GET", "/v1/users", EVERYONE, false),
                new Endpoint("GET", "/v1/users/nobody-here", EVERYONE, false),
                new Endpoint("GET", "/v1/audit", Set.of(Roles.AUDITOR, Roles.ADMIN), false),
                new Endpoint("GET", "/v1/audit/verify", Set.of(Roles.AUDITOR, Roles.ADMIN), false),
                new Endpoint("GET", "/v1/findings", Set.of(Roles.AUDITOR, Roles.ADMIN), false),
                new Endpoint("GET", "/v1/findings/{id}", Set.of(Roles.AUDITOR, Roles.ADMIN), false),
                new Endpoint("POST", "/v1/findings/scan", Set.of(Roles.ADMIN), false),
                new Endpoint("POST", "/v1/findings/{id}/remediate", Set.of(Roles.ADMIN), false),
                new Endpoint("GET", "/v1/rotations", Set.of(Roles.AUDITOR, Roles.ADMIN), false),
                new Endpoint("POST", "/v1/rotations/{id}/rollback", Set.of(Roles.ADMIN), false),
                new Endpoint("POST", "/v1/rotations/exemptions", Set.of(Roles.ADMIN), true),
                new Endpoint("GET", "/v1/rotations/exemptions", Set.of(Roles.ADMIN), false),
                new Endpoint("DELETE", "/v1/rotations/exemptions/{id}", Set.of(Roles.ADMIN), false),
                new Endpoint("GET", "/v1/notifications/failed", Set.of(Roles.ADMIN), false),
                new Endpoint("GET", "/v1/webhooks/failed", Set.of(Roles.ADMIN), false),
                new Endpoint("POST", "/v1/notifications/{id}/redeliver", Set.of(Roles.ADMIN), false));
    }

    static Stream<Arguments> endpointsAndRoles() {
        return endpoints().flatMap(e -> ROLES.stream().map(role -> Arguments.of(e, role)));
    }

    @ParameterizedTest(name = "{0} without a token")
    @MethodSource("endpoints")
    void withoutATokenIsUnauthenticated(Endpoint endpoint) {
        endpoint.call(RestAssured.given()).then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:iam-steward:problem:unauthenticated"));
    }

    @ParameterizedTest(name = "{0} with a forged token")
    @MethodSource("endpoints")
    void withAForgedTokenIsUnauthenticated(Endpoint endpoint) {
        String token = Tokens.token("alice", ROLES.toArray(String[]::new));
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        endpoint.call(RestAssured.given().auth().oauth2(forged)).then().statusCode(401);
    }

    @ParameterizedTest(name = "{0} with a token issued for another audience")
    @MethodSource("endpoints")
    void aTokenForAnotherApiIsUnauthenticated(Endpoint endpoint) {
        String other = io.smallrye.jwt.build.Jwt.preferredUserName("alice").subject("alice")
                .groups(java.util.Set.copyOf(ROLES)).issuer("https://server.example.com")
                .audience("https://another-api.example.com").sign();
        endpoint.call(RestAssured.given().auth().oauth2(other)).then().statusCode(401);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpointsAndRoles")
    void onlyTheAllowedRolesGetThrough(Endpoint endpoint, String role) {
        var response = endpoint.call(Tokens.as("user-" + role, role)).then();
        if (endpoint.allowed().contains(role)) {
            response.statusCode(not(oneOf(401, 403)));
        } else {
            response.statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:iam-steward:problem:forbidden"));
        }
    }

    /** The webhook endpoint is authenticated by its source's signature; a bearer token counts for nothing. */
    @org.junit.jupiter.api.Test
    void theWebhookEndpointTakesNoBearerTokenInsteadOfASignature() {
        for (var spec : List.of(RestAssured.given(), Tokens.as("dave", Roles.ADMIN))) {
            spec.contentType(ContentType.JSON).body("{}").post("/v1/webhooks/jira").then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:iam-steward:problem:signature-invalid"));
        }
    }

    @ParameterizedTest(name = "{0} with no role at all")
    @MethodSource("endpoints")
    void aTokenWithoutARoleIsForbidden(Endpoint endpoint) {
        endpoint.call(Tokens.as("nobody", "employee")).then().statusCode(403);
    }
}
