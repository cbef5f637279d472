package dev.iamsteward.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.util.Set;

/** Signed bearer tokens for the test OIDC issuer, one person and role at a time. */
public final class Tokens {

    private Tokens() {
    }

    public static String token(String user, String... roles) {
        return Jwt.preferredUserName(user)
                .subject(user)
                .groups(Set.of(roles))
                .issuer("https://server.example.com")
                .audience("https://service.example.com")
                .sign();
    }

    /** A token whose {@code manager} claim names {@code manager}. */
    public static String tokenWithManager(String user, String manager, String... roles) {
        return Jwt.preferredUserName(user)
                .subject(user)
                .claim("manager", manager)
                .groups(Set.of(roles))
                .issuer("https://server.example.com")
                .audience("https://service.example.com")
                .sign();
    }

    /** A RestAssured request as {@code user} holding {@code roles}. */
    public static RequestSpecification as(String user, String... roles) {
        return RestAssured.given().auth().oauth2(token(user, roles));
    }
}
