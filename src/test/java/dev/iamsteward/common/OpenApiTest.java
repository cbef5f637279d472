package dev.iamsteward.common;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
    void swaggerUiIsServed() {
        RestAssured.get("/q/swagger-ui/").then().statusCode(200);
    }
}
