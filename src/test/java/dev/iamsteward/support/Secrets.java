package dev.iamsteward.support;

import static dev.iamsteward.support.Tokens.as;

import io.restassured.response.ValidatableResponse;

/** Fetching secrets the way an owner does. */
public final class Secrets {

    private Secrets() {
    }

    /** Asks for a delivery as {@code user} and returns the response for its status to be checked. */
    public static ValidatableResponse retrieve(String user, String deliveryId) {
        return as(user, "requester").post("/v1/deliveries/{id}/retrieve", deliveryId).then();
    }
}
