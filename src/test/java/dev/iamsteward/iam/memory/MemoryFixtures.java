package dev.iamsteward.iam.memory;

import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.iam.NewVirtualMfa;
import dev.iamsteward.iam.Totp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the in-memory IAM tests share: a fixed clock, an attribution, and short ways to make users and devices. */
final class MemoryFixtures {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final String BOUNDARY = "arn:aws:iam::000000000000:policy/boundary";
    static final String READ_ONLY = "arn:aws:iam::000000000000:policy/read-only";
    static final Attribution BY = new Attribution(UUID.randomUUID(), "alice", List.of("bob"));

    private MemoryFixtures() {
    }

    static InMemoryIamDirectory iam() {
        return new InMemoryIamDirectory(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static InMemoryIamDirectory iamWithUser(String userName) {
        InMemoryIamDirectory iam = iam();
        iam.createUser(new NewUser(userName, "/iam-steward/", BOUNDARY, Map.of()), BY);
        return iam;
    }

    /** Creates a virtual device and assigns it to the user with the codes its seed shows now and 30 s later. */
    static String enableNewDevice(InMemoryIamDirectory iam, String userName, String deviceName) {
        NewVirtualMfa device = iam.createVirtualMfaDevice(deviceName, "/", BY);
        iam.enableMfaDevice(userName, device.serialNumber(), Totp.codeAt(device.base32Seed(), NOW),
                Totp.codeAt(device.base32Seed(), NOW.plusSeconds(30)), BY);
        return device.serialNumber();
    }
}
