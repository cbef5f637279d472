package dev.iamsteward.iam.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.IamPage;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.iam.NewUser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The in-memory IAM keeps AWS's documented rules, so business logic tested against it meets them too. */
class InMemoryIamDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String BOUNDARY = "arn:aws:iam::000000000000:policy/boundary";
    private static final Attribution BY = new Attribution(UUID.randomUUID(), "alice", List.of("bob"));

    private final InMemoryIamDirectory iam = new InMemoryIamDirectory(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void createsAUserWithPathBoundaryTagsAndAnArn() {
        IamUser user = iam.createUser(new NewUser("alice", "/iam-steward/", BOUNDARY, Map.of("team", "data")), BY);

        assertEquals("arn:aws:iam::000000000000:user/iam-steward/alice", user.arn());
        assertEquals(NOW, user.createDate());
        assertTrue(user.userId().startsWith("AIDA"));
        assertEquals(user, iam.findUser("alice").orElseThrow());
        assertEquals(BOUNDARY, iam.findUser("alice").orElseThrow().permissionsBoundaryArn());
        assertEquals(Map.of("team", "data"), iam.findUser("alice").orElseThrow().tags());
        assertEquals(BY, iam.calls().get(0).attribution());
    }

    @Test
    void namesAreUniqueRegardlessOfCase() {
        iam.createUser(user("Alice"), BY);

        assertThrows(IamException.EntityAlreadyExists.class, () -> iam.createUser(user("ALICE"), BY));
        assertEquals("Alice", iam.findUser("alice").orElseThrow().userName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "slash/name", "semi;colon", "star*",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void refusesNamesOutsideIamsPattern(String name) {
        assertThrows(IamException.InvalidInput.class, () -> iam.createUser(user(name), BY));
        assertThrows(IamException.InvalidInput.class, () -> iam.findUser(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "user+tag=x,y.z@corp-1_2",
            "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"})
    void acceptsNamesInsideIamsPattern(String name) {
        assertEquals(name, iam.createUser(user(name), BY).userName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no-slashes", "/missing-end", "missing-start/", "/with space/"})
    void refusesInvalidPaths(String path) {
        assertThrows(IamException.InvalidInput.class,
                () -> iam.createUser(new NewUser("p", path, BOUNDARY, Map.of()), BY));
    }

    @Test
    void refusesMoreThanFiftyTagsAndReservedOrInvalidKeys() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("k" + i, "v");
        }
        assertThrows(IamException.LimitExceeded.class,
                () -> iam.createUser(new NewUser("t1", "/", BOUNDARY, many), BY));
        assertThrows(IamException.InvalidInput.class,
                () -> iam.createUser(new NewUser("t2", "/", BOUNDARY, Map.of("aws:owner", "x")), BY));
        assertThrows(IamException.InvalidInput.class,
                () -> iam.createUser(new NewUser("t3", "/", BOUNDARY, Map.of("bad|key", "x")), BY));
        assertTrue(iam.findUser("t1").isEmpty());
    }

    @Test
    void pagesThroughUsersUnderAPathWithMarkers() {
        for (String name : List.of("d", "a", "e", "c", "b")) {
            iam.createUser(new NewUser(name, "/iam-steward/", BOUNDARY, Map.of()), BY);
        }
        iam.createUser(new NewUser("outsider", "/other/", BOUNDARY, Map.of()), BY);

        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            IamPage<IamUser> page = iam.listUsers("/iam-steward/", marker, 2);
            page.items().forEach(u -> seen.add(u.userName()));
            marker = page.marker().orElse(null);
            pages++;
        } while (marker != null);

        assertEquals(List.of("a", "b", "c", "d", "e"), seen);
        assertEquals(3, pages);
        assertThrows(IamException.InvalidInput.class, () -> iam.listUsers("/", null, 0));
        assertThrows(IamException.InvalidInput.class, () -> iam.listUsers("/", "not base64!", 10));
    }

    @Test
    void injectedFaultsHitTheNamedOperationInOrderAndThenStop() {
        iam.faults().throttleNext("CreateUser", 1);
        iam.faults().failNext("CreateUser", 1, () -> new IamException.Unavailable("down"));

        IamException first = assertThrows(IamException.class, () -> iam.createUser(user("f"), BY));
        IamException second = assertThrows(IamException.class, () -> iam.createUser(user("f"), BY));
        iam.createUser(user("f"), BY);

        assertTrue(first instanceof IamException.Throttled && first.retryable());
        assertTrue(second instanceof IamException.Unavailable && second.retryable());
        assertEquals(3, iam.calls().size());
        assertTrue(iam.findUser("f").isPresent(), "GetUser has no fault queued");
    }

    @Test
    void resetForgetsEverything() {
        iam.createUser(user("gone"), BY);
        iam.faults().throttleNext("GetUser", 1);
        iam.reset();

        assertTrue(iam.findUser("gone").isEmpty());
        assertEquals(1, iam.calls().size());
    }

    private static NewUser user(String name) {
        return new NewUser(name, "/iam-steward/", BOUNDARY, Map.of());
    }
}
