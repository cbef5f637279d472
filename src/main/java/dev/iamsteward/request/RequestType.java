package dev.iamsteward.request;

/** What a request asks IAM Steward to do. */
public enum RequestType {
    CREATE_USER
}
