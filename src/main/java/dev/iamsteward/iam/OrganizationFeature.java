package dev.iamsteward.iam;

import java.util.Arrays;
import java.util.Optional;

/** The centralized root access features of an organization, as ListOrganizationsFeatures names them. */
public enum OrganizationFeature {
    /** The management or delegated account may audit and delete member accounts' root credentials. */
    ROOT_CREDENTIALS_MANAGEMENT("RootCredentialsManagement"),
    /** The management or delegated account may open task-scoped root sessions on member accounts. */
    ROOT_SESSIONS("RootSessions");

    private final String awsName;

    OrganizationFeature(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    /** The feature AWS names so; empty for a name this service does not know. */
    public static Optional<OrganizationFeature> ofAwsName(String name) {
        return Arrays.stream(values()).filter(f -> f.awsName.equals(name)).findFirst();
    }
}
