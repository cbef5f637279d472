package dev.iamsteward.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The resources every {@code @QuarkusTest} shares: an OIDC issuer. PostgreSQL comes from the embedded
 * PostgreSQL extension, which starts one for the test run.
 */
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
public final class TestResources {

    private TestResources() {
    }
}
