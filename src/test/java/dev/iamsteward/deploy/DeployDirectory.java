package dev.iamsteward.deploy;

import java.nio.file.Path;

/**
 * Where the deploy tests read deploy/ from: the repository's own, or a weakened copy the mutation check points
 * them at (system property {@value #PROPERTY}) to show that the tests catch the weakening.
 */
final class DeployDirectory {

    static final String PROPERTY = "steward.deploy.dir";

    private DeployDirectory() {
    }

    /** {@code path}, given relative to the repository ("deploy/aws/…"), in the deploy directory under test. */
    static Path resolve(Path path) {
        Path deploy = Path.of("deploy");
        if (!path.startsWith(deploy)) {
            return path;
        }
        return Path.of(System.getProperty(PROPERTY, "deploy")).resolve(deploy.relativize(path));
    }
}
