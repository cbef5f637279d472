package dev.iamsteward.deploy;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Where the deploy tests read deploy/ from: the repository's own, or a weakened copy the mutation check points
 * them at to show that the tests catch the weakening. The mutation check points one thread at a copy
 * ({@link #use}), so that mutants are checked side by side; system property {@value #PROPERTY} points the whole
 * run at a copy.
 */
final class DeployDirectory {

    static final String PROPERTY = "steward.deploy.dir";
    private static final ThreadLocal<Path> OF_THIS_THREAD = new ThreadLocal<>();

    private DeployDirectory() {
    }

    /** {@code path}, given relative to the repository ("deploy/aws/…"), in the deploy directory under test. */
    static Path resolve(Path path) {
        Path deploy = Path.of("deploy");
        if (!path.startsWith(deploy)) {
            return path;
        }
        return root().resolve(deploy.relativize(path));
    }

    /** Whether the tests read the repository's own deploy/, not a weakened copy. */
    static boolean isTheRepositorys() {
        return root().equals(Path.of("deploy"));
    }

    /** Runs {@code check} on this thread with {@code copy} as the deploy directory. */
    static <T> T use(Path copy, Supplier<T> check) {
        Path before = OF_THIS_THREAD.get();
        OF_THIS_THREAD.set(copy);
        try {
            return check.get();
        } finally {
            OF_THIS_THREAD.set(before);
        }
    }

    private static Path root() {
        Path ofThisThread = OF_THIS_THREAD.get();
        return ofThisThread != null ? ofThisThread : Path.of(System.getProperty(PROPERTY, "deploy"));
    }
}
