package dev.iamsteward.user;

import static dev.iamsteward.support.Requests.approve;
import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.memory.IamCall;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/users}: one ListUsers page, with owner and expiry from whatever tags the listing carries. */
@QuarkusTest
class UserListTest {

    @Inject
    JobWorker worker;

    @Inject
    InMemoryIamDirectory iam;

    @Test
    void aPageShowsOwnerAndExpiryFromTheListingsTagsWithOneIamCall() {
        String dated = created(Map.of("owner", "olivia", "expiresAt", "2035-06-30T12:00:00Z"));
        String open = created(Map.of("owner", "oscar"));
        int callsBefore = iam.calls().size();

        JsonPath page = as("erin", "auditor").queryParam("limit", 1000).get("/v1/users").then().statusCode(200)
                .extract().jsonPath();

        List<IamCall> calls = iam.calls();
        assertEquals(List.of("ListUsers"), calls.subList(callsBefore, calls.size()).stream()
                .map(IamCall::operation).toList(), "no per-user calls");
        String item = "items.find { it.userName == '%s' }";
        assertEquals(Set.of("userName", "arn", "path", "createdAt", "owner", "expiresAt", "createdByRequest"),
                page.getMap(item.formatted(dated)).keySet());
        assertEquals("olivia", page.getString(item.formatted(dated) + ".owner"));
        assertEquals(Instant.parse("2035-06-30T12:00:00Z"),
                Instant.parse(page.getString(item.formatted(dated) + ".expiresAt")));
        assertEquals("arn:aws:iam::000000000000:user/iam-steward/" + dated,
                page.getString(item.formatted(dated) + ".arn"));
        assertEquals("/iam-steward/", page.getString(item.formatted(dated) + ".path"));
        assertEquals(iam.findUser(dated).orElseThrow().createDate(),
                Instant.parse(page.getString(item.formatted(dated) + ".createdAt")));
        assertEquals("oscar", page.getString(item.formatted(open) + ".owner"));
        assertNull(page.get(item.formatted(open) + ".expiresAt"));
        assertNull(page.get("cursor"), "every user fits one page of 1000");
    }

    @Test
    void theCursorLeadsToTheNextPage() {
        created(Map.of("owner", "olivia"));
        created(Map.of("owner", "olivia"));

        var firstPage = as("erin", "auditor").queryParam("limit", 1).get("/v1/users").then().statusCode(200)
                .extract();
        String cursor = firstPage.path("cursor");
        String next = firstPage.path("next");
        assertTrue(next.contains("cursor=") && next.contains("limit=1"), "next is this listing's link: " + next);
        List<String> first = as("erin", "auditor").queryParam("limit", 1).get("/v1/users").then()
                .extract().path("items.userName");
        List<String> second = as("erin", "auditor").queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/v1/users").then().statusCode(200).extract().path("items.userName");

        assertEquals(1, second.size());
        assertNotEquals(first, second, "the second page moves on from the first");
    }

    private String created(Map<String, Object> fields) {
        String user = uniqueUserName("listed");
        String id = submit("CREATE_USER", user, fields);
        approve(id);
        worker.runDueJobs();
        assertEquals("SUCCEEDED", as("erin", "auditor").get("/v1/requests/{id}", id).then().extract().path("status"));
        return user;
    }
}
