package dev.iamsteward.posture;

/** OPEN while scans keep seeing it; RESOLVED once a scan no longer does (and OPEN again if it comes back). */
public enum FindingStatus {
    OPEN, RESOLVED
}
