package dev.iamsteward.common;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The HTTP methods the resources serve at a path, for the {@code Allow} header of a 405 (the REST layer refuses
 * the method without naming the others).
 */
final class AllowedMethods {

    private record Route(Pattern path, String method) {
    }

    private static volatile List<Route> routes;

    private AllowedMethods() {
    }

    /** The methods served at {@code path} (as the request gave it, without the query), comma-separated. */
    static String at(String path) {
        Set<String> methods = new TreeSet<>();
        String normalised = path.startsWith("/") ? path : "/" + path;
        for (Route route : routes()) {
            if (route.path().matcher(normalised).matches()) {
                methods.add(route.method());
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        return methods.isEmpty() ? null : String.join(", ", methods);
    }

    private static List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = new ArrayList<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class)) {
                Path root = bean.getBeanClass().getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : bean.getBeanClass().getDeclaredMethods()) {
                    String http = httpMethod(method);
                    if (http != null) {
                        Path sub = method.getAnnotation(Path.class);
                        known.add(new Route(template(root.value() + (sub == null ? "" : "/" + sub.value())), http));
                    }
                }
            }
            routes = known;
        }
        return known;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static Pattern template(String path) {
        String clean = ("/" + path).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        StringBuilder regex = new StringBuilder();
        for (String part : clean.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex + "/?");
    }
}
