package dev.iamsteward.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the service's own sources, so the deploy artefacts are checked against what the code really does. */
final class MainSources {

    static final Path MAIN = Path.of("src/main/java/dev/iamsteward");
    /** Client methods that are not AWS API operations. */
    private static final Set<String> NOT_OPERATIONS = Set.of("close", "serviceName", "serviceClientConfiguration");

    private MainSources() {
    }

    /**
     * The AWS actions behind every {@code receiver.operation(...)} call in the folder or file {@code dir}, as
     * {@code prefix:Operation}: the SDK names its methods after the API operations, and a paginator calls the
     * operation it is named after.
     */
    static Set<String> awsActions(String dir, String receiver, String prefix) {
        Pattern call = Pattern.compile("\\b" + Pattern.quote(receiver) + "\\.(\\w+)\\(");
        Set<String> actions = new TreeSet<>();
        for (String source : sources(dir)) {
            Matcher matcher = call.matcher(source);
            while (matcher.find()) {
                String method = matcher.group(1).replaceFirst("Paginator$", "");
                if (!NOT_OPERATIONS.contains(method)) {
                    actions.add(prefix + ":" + method.substring(0, 1).toUpperCase(Locale.ROOT) + method.substring(1));
                }
            }
        }
        return actions;
    }

    /** Every distinct first group of {@code pattern} in the sources under {@code dir}. */
    static Set<String> matches(String dir, Pattern pattern) {
        Set<String> found = new TreeSet<>();
        for (String source : sources(dir)) {
            Matcher matcher = pattern.matcher(source);
            while (matcher.find()) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }

    static String read(String file) {
        try {
            return Files.readString(MAIN.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readResource(String file) {
        try {
            return Files.readString(Path.of("src/main/resources").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> sources(String dir) {
        try (Stream<Path> files = Files.walk(MAIN.resolve(dir))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
