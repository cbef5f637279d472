package dev.iamsteward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smallrye.config.ConfigMapping;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The configuration table of docs/configuration.md and the {@code @ConfigMapping}s agree: every setting the
 * code reads is documented, and every {@code steward.*} setting documented is one the code reads, or one that
 * {@code application.properties} passes on to Quarkus' own settings.
 */
class ConfigurationDocsTest {

    private static final Pattern DOCUMENTED = Pattern.compile("^\\| `(steward\\.[^`]+)`", Pattern.MULTILINE);

    @Test
    void everySettingIsDocumentedAndEveryDocumentedSettingExists() throws IOException {
        TreeSet<String> read = new TreeSet<>();
        for (JavaClass mapping : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.iamsteward")) {
            if (mapping.isAnnotatedWith(ConfigMapping.class)) {
                Class<?> type = mapping.reflect();
                collect(type.getAnnotation(ConfigMapping.class).prefix(), type, read);
            }
        }
        String page = Files.readString(Path.of("docs/configuration.md"));
        int start = page.indexOf("## Configuration");
        int next = page.indexOf("\n## ", start + 1);
        String table = page.substring(start, next < 0 ? page.length() : next);
        TreeSet<String> documented = new TreeSet<>();
        Matcher m = DOCUMENTED.matcher(table);
        while (m.find()) {
            documented.add(m.group(1).replaceAll("<[a-z-]+>", "<name>"));
        }

        List<String> undocumented = new ArrayList<>(read);
        undocumented.removeAll(documented);
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        List<String> unknown = new ArrayList<>(documented);
        unknown.removeAll(read);
        unknown.removeIf(name -> properties.contains("${" + name + "}"));
        assertEquals(List.of(), undocumented, "settings the code reads that docs/configuration.md lacks");
        assertEquals(List.of(), unknown, "settings docs/configuration.md documents that no @ConfigMapping reads");
    }

    /** The property names of a mapping interface: kebab-case methods, {@code <name>} for map keys (the page may
     * name a key {@code <id>} or {@code <account>}). */
    private static void collect(String prefix, Class<?> type, TreeSet<String> names) {
        for (Method method : type.getMethods()) {
            if (method.isDefault() || method.getParameterCount() > 0 || method.isSynthetic()) {
                continue;
            }
            String name = prefix + "." + kebab(method.getName());
            Class<?> group = group(method.getGenericReturnType());
            if (method.getReturnType() == Map.class && group != null) {
                collect(name + ".<name>", group, names);
            } else if (group != null) {
                collect(name, group, names);
            } else {
                names.add(name);
            }
        }
    }

    /** The nested mapping interface a method returns, directly, in an Optional or as a map's values. */
    private static Class<?> group(Type type) {
        if (type instanceof ParameterizedType p && (p.getRawType() == Optional.class || p.getRawType() == Map.class)) {
            Type inner = p.getActualTypeArguments()[p.getActualTypeArguments().length - 1];
            return group(inner);
        }
        if (type instanceof Class<?> c && c.isInterface() && c.getName().startsWith("dev.iamsteward")) {
            return c;
        }
        return null;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
