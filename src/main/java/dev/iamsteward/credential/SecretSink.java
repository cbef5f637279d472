package dev.iamsteward.credential;

/** A second place a new secret is written to, beside the one-time delivery (e.g. AWS Secrets Manager). */
@FunctionalInterface
public interface SecretSink {

    /** No second place: the one-time delivery only. */
    SecretSink NONE = (parcel, userArn) -> {
    };

    /** Writes the parcel's secret where only the IAM user {@code userArn} can read it. */
    void write(DeliveryService.Parcel parcel, String userArn);
}
