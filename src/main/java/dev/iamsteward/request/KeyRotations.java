package dev.iamsteward.request;

import java.util.Optional;

/** What the planner must know of key rotations to refuse an on-demand one: whether one still holds the key. */
public interface KeyRotations {

    /** Why this key cannot be rotated on demand (a rotation of it is under way), or empty when it can. */
    Optional<String> whyNotRotatable(String accessKeyId);
}
