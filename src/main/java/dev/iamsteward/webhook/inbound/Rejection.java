package dev.iamsteward.webhook.inbound;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;

/**
 * A delivery refused before anything was parsed or stored. The caller sees one detail whatever the reason,
 * so that a forger learns nothing; the reason goes to the metric and the log.
 */
public class Rejection extends StewardException {

    /** Why a delivery was refused, as the metric's {@code reason} tag says it. */
    public enum Reason {
        MISSING_HEADERS, BAD_SIGNATURE, STALE_TIMESTAMP, BAD_TOKEN
    }

    private final Reason reason;

    public Rejection(Reason reason) {
        super(ErrorKind.SIGNATURE_INVALID, "the delivery's signature or token is missing or does not match, or its "
                + "timestamp is too far from now");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
