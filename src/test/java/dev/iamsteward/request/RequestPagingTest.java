package dev.iamsteward.request;

import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Paging through requests with the cursor sees each request once, even while new ones arrive. */
@QuarkusTest
class RequestPagingTest {

    @Test
    void pagesAreStableUnderConcurrentInserts() {
        String requester = "pager-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            existing.add(0, submitAs(requester));
        }

        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonPath page = next == null
                    ? as(requester, "requester").queryParam("limit", 3).get("/v1/requests").then().statusCode(200)
                            .extract().jsonPath()
                    : as(requester, "requester").get(next).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            next = page.getString("next");
            submitAs(requester);
            pages++;
        } while (next != null);

        assertEquals(existing, seen, "newest first, each once, none of those submitted meanwhile");
        assertEquals(3, pages);
    }

    @Test
    void theLastPageHasNoCursorAndABadCursorIsRefused() {
        JsonPath page = as("bob", "approver").queryParam("userName", "nobody-has-this-name").get("/v1/requests")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), page.getList("items"));
        assertNull(page.getString("cursor"));
        assertNull(page.getString("next"));

        as("bob", "approver").queryParam("cursor", "not-a-cursor").get("/v1/requests").then().statusCode(400)
                .body("detail", equalTo("cursor is not one this service handed out"));
        as("bob", "approver").queryParam("approvableBy", "carol").get("/v1/requests").then().statusCode(400);
        as("bob", "approver").queryParam("type", "MAKE_ADMIN").get("/v1/requests").then().statusCode(400);
    }

    private static String submitAs(String requester) {
        return as(requester, "requester").contentType(ContentType.JSON)
                .body(Map.of("type", "CREATE_USER", "userName", "paged-" + UUID.randomUUID().toString().substring(0, 8),
                        "reason", "paging"))
                .post("/v1/requests").then().statusCode(202).extract().path("id");
    }
}
