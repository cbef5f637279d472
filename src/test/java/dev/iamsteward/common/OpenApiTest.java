package dev.iamsteward.common;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document lets Swagger UI send a bearer token and documents every operation's errors. */
@QuarkusTest
class OpenApiTest {

    @Test
    void declaresTheBearerSchemeAndTheErrorsOfEachOperation() {
        RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths", hasKey("/v1/requests/{id}/approvals"))
                .body("paths.'/v1/requests'.post.summary", notNullValue())
                .body("paths.'/v1/requests'.post.responses", hasKey("409"))
                .body("paths.'/v1/deliveries/{id}/retrieve'.post.responses", hasKey("410"))
                .body("paths.'/v1/audit'.get.tags", hasItem("Audit"))
                .body("paths.'/v1/audit'.get.responses", hasKey("400"))
                .body("paths.'/v1/audit/verify'.get.responses", hasKey("403"))
                .body("paths.'/v1/requests'.post.requestBody.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/SubmitRequest"));
    }

    @Test
    void theWebhookEndpointNeedsNoBearerTokenAndDocumentsItsSignatureFailure() {
        RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/v1/webhooks/{sourceId}'.post.security", equalTo(List.of(Map.of())))
                .body("paths.'/v1/webhooks/{sourceId}'.post.responses.'401'.description",
                        org.hamcrest.Matchers.startsWith("Signature invalid"))
                .body("paths.'/v1/webhooks/{sourceId}'.post.requestBody.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/TicketDelivery"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummaryItsErrorsAsProblemsTheBearerSchemeAndAnExampleBody() {
        JsonPath doc = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> schemas = doc.getMap("components.schemas");
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!List.of("get", "post", "patch", "put", "delete").contains(operation.getKey())) {
                    continue;
                }
                operations++;
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> op = operation.getValue();
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
                if (op.get("summary") == null) {
                    problems.add(name + " has no summary");
                }
                if (op.get("security") == null) {
                    problems.add(name + " does not name the bearer scheme");
                }
                if (!responses.containsKey("401")) {
                    problems.add(name + " does not document 401");
                }
                responses.forEach((status, response) -> {
                    Map<String, Object> content = (Map<String, Object>) response.get("content");
                    if (status.compareTo("400") >= 0 && (content == null || !content.containsKey(Problem.MEDIA_TYPE))) {
                        problems.add(name + " " + status + " is not a problem+json");
                    }
                });
                Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
                if (body != null) {
                    String ref = JsonPath.from(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(body)
                            .toString()).getString("content.'application/json'.schema.'$ref'");
                    String schema = ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
                    if (schema == null || schemas.get(schema).get("examples") == null) {
                        problems.add(name + " has no example body");
                    }
                }
            }
        }
        assertTrue(operations >= 12, "the document lists the API: " + operations);
        assertEquals(List.of(), problems);
    }

    @Test
    void swaggerUiIsServed() {
        RestAssured.get("/q/swagger-ui/").then().statusCode(200);
    }
}
