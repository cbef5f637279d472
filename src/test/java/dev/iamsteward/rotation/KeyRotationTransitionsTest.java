package dev.iamsteward.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A rotation moves only along the transitions RotationStatus declares; settled ones never move again. */
class KeyRotationTransitionsTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theWholeWayIsAllowed() {
        KeyRotation rotation = rotation();
        rotation.stepFiled(RotationStatus.CLEARING, UUID.randomUUID(), AT);
        rotation.stepFiled(RotationStatus.CREATING, UUID.randomUUID(), AT);
        rotation.newKeyMade("AKIAIOSFODNN7EXAMPLE", AT, 1, AT);
        rotation.stepFiled(RotationStatus.DEACTIVATING, UUID.randomUUID(), AT);
        rotation.deactivated(AT);
        rotation.stepFiled(RotationStatus.DELETING, UUID.randomUUID(), AT);
        rotation.move(RotationStatus.DONE, AT, null);
        assertEquals(RotationStatus.DONE, rotation.status);
    }

    @Test
    void aBlockedRotationResumesByClearingOrCreating() {
        KeyRotation rotation = rotation();
        rotation.move(RotationStatus.BLOCKED, AT, "the other key is active");
        rotation.stepFiled(RotationStatus.CREATING, UUID.randomUUID(), AT);
        assertEquals(RotationStatus.CREATING, rotation.status);
    }

    @Test
    void skippingAStepIsRefused() {
        KeyRotation waiting = rotation();
        waiting.newKeyMade("AKIAIOSFODNN7EXAMPLE", AT, 1, AT);
        assertThrows(IllegalStateException.class, () -> waiting.deactivated(AT));
        assertThrows(IllegalStateException.class, () -> waiting.move(RotationStatus.DONE, AT, null));
        assertThrows(IllegalStateException.class, () -> waiting.move(RotationStatus.ROLLED_BACK, AT, null));
        KeyRotation creating = rotation();
        assertThrows(IllegalStateException.class, () -> creating.move(RotationStatus.DELETING, AT, null));
        assertEquals(RotationStatus.CREATING, creating.status, "a refused move changes nothing");
    }

    @Test
    void onlyADeactivatedKeyIsRolledBack() {
        for (RotationStatus from : RotationStatus.values()) {
            assertEquals(from == RotationStatus.DEACTIVATED, from.canMoveTo(RotationStatus.ROLLED_BACK), from.name());
        }
    }

    @Test
    void settledRotationsNeverMove() {
        for (RotationStatus settled : RotationStatus.SETTLED) {
            assertTrue(settled.next().isEmpty(), settled.name());
        }
        assertEquals(EnumSet.of(RotationStatus.DONE, RotationStatus.FAILED, RotationStatus.ROLLED_BACK),
                EnumSet.copyOf(RotationStatus.SETTLED));
        KeyRotation done = rotation();
        done.move(RotationStatus.FAILED, AT, "its request failed");
        assertThrows(IllegalStateException.class, () -> done.move(RotationStatus.CREATING, AT, null));
    }

    private static KeyRotation rotation() {
        return KeyRotation.start("default", "alice-tool", "AKIAI44QH8DHBEXAMPLE", AT, "default", AT);
    }
}
