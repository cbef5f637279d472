package dev.iamsteward.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shipped CloudFormation template with its parameters filled in and the long-form intrinsic functions it
 * uses (Ref, Fn::Sub, Fn::Join, Fn::Split, Fn::If, Fn::GetAtt) resolved, so tests can read concrete policies.
 */
final class CloudFormationTemplate {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([A-Za-z0-9:._-]+)}");

    private final JsonNode template;
    private final Map<String, JsonNode> refs = new HashMap<>();
    private final Map<String, Boolean> conditions = new HashMap<>();

    private CloudFormationTemplate(JsonNode template, Map<String, String> parameters) {
        this.template = template;
        refs.put("AWS::AccountId", TextNode.valueOf(ACCOUNT));
        refs.put("AWS::Partition", TextNode.valueOf("aws"));
        refs.put("AWS::Region", TextNode.valueOf(REGION));
        refs.put("AWS::NoValue", MissingNode.getInstance());
        template.path("Parameters").fields().forEachRemaining(p -> refs.put(p.getKey(),
                parameter(p.getValue(), parameters.get(p.getKey()))));
        template.path("Resources").fieldNames().forEachRemaining(r -> refs.put(r, TextNode.valueOf("{" + r + "}")));
        template.path("Conditions").fields().forEachRemaining(c -> conditions.put(c.getKey(),
                condition(c.getValue())));
    }

    /** The template at {@code path}, with {@code parameters} given and the other parameters at their defaults. */
    static CloudFormationTemplate load(Path path, Map<String, String> parameters) {
        try {
            return new CloudFormationTemplate(YAML.readTree(DeployDirectory.resolve(path).toFile()), parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode raw() {
        return template;
    }

    /** The resolved properties of each resource whose condition holds, by logical id. */
    Map<String, JsonNode> resources(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        template.path("Resources").fields().forEachRemaining(r -> {
            JsonNode resource = r.getValue();
            boolean present = !resource.has("Condition") || conditions.get(resource.get("Condition").asText());
            if (present && type.equals(resource.path("Type").asText())) {
                found.put(r.getKey(), resolve(resource.path("Properties")));
            }
        });
        return found;
    }

    JsonNode resource(String logicalId) {
        return resolve(template.path("Resources").path(logicalId).path("Properties"));
    }

    /** A policy document, parsed when the template gives it as a JSON string. */
    static JsonNode document(JsonNode node) {
        if (!node.isTextual()) {
            return node;
        }
        try {
            return JSON.readTree(node.asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode parameter(JsonNode declaration, String given) {
        String value = given != null ? given : declaration.path("Default").asText(null);
        if (value == null) {
            throw new IllegalArgumentException("no value for parameter without default: " + declaration);
        }
        if (!declaration.path("Type").asText().equals("CommaDelimitedList")) {
            return TextNode.valueOf(value);
        }
        ArrayNode list = NODES.arrayNode();
        for (String item : value.split(",", -1)) {
            list.add(item.strip());
        }
        return list;
    }

    private boolean condition(JsonNode node) {
        Map.Entry<String, JsonNode> function = node.fields().next();
        JsonNode args = function.getValue();
        return switch (function.getKey()) {
            case "Fn::Equals" -> resolve(args.get(0)).equals(resolve(args.get(1)));
            case "Fn::Not" -> !condition(args.get(0));
            case "Fn::And" -> {
                boolean all = true;
                for (JsonNode arg : args) {
                    all &= condition(arg);
                }
                yield all;
            }
            case "Condition" -> conditions.computeIfAbsent(args.asText(),
                    name -> condition(template.path("Conditions").path(name)));
            default -> throw new IllegalArgumentException("condition function not supported: " + function.getKey());
        };
    }

    private JsonNode resolve(JsonNode node) {
        if (node.isArray()) {
            ArrayNode resolved = NODES.arrayNode();
            node.forEach(item -> {
                JsonNode value = resolve(item);
                if (!value.isMissingNode()) {
                    resolved.add(value);
                }
            });
            return resolved;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.size() == 1) {
            String key = node.fieldNames().next();
            if (key.equals("Ref") || key.startsWith("Fn::")) {
                return function(key, node.get(key));
            }
        }
        ObjectNode resolved = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = resolve(field.getValue());
            if (!value.isMissingNode()) {
                resolved.set(field.getKey(), value);
            }
        }
        return resolved;
    }

    private JsonNode function(String name, JsonNode args) {
        return switch (name) {
            case "Ref" -> known(args.asText());
            case "Fn::GetAtt" -> TextNode.valueOf("{" + args.get(0).asText() + "." + args.get(1).asText() + "}");
            case "Fn::If" -> resolve(conditions.get(args.get(0).asText()) ? args.get(1) : args.get(2));
            case "Fn::Join" -> {
                List<String> parts = new ArrayList<>();
                resolve(args.get(1)).forEach(part -> parts.add(part.asText()));
                yield TextNode.valueOf(String.join(args.get(0).asText(), parts));
            }
            case "Fn::Split" -> {
                ArrayNode parts = NODES.arrayNode();
                for (String part : resolve(args.get(1)).asText().split(Pattern.quote(args.get(0).asText()), -1)) {
                    parts.add(part);
                }
                yield parts;
            }
            case "Fn::Sub" -> sub(args);
            default -> throw new IllegalArgumentException("intrinsic function not supported: " + name);
        };
    }

    private JsonNode sub(JsonNode args) {
        String text = args.isArray() ? args.get(0).asText() : args.asText();
        Map<String, JsonNode> variables = new HashMap<>();
        if (args.isArray()) {
            args.get(1).fields().forEachRemaining(v -> variables.put(v.getKey(), resolve(v.getValue())));
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = !matcher.group(1).isEmpty() ? "${" + matcher.group(2) + "}"
                    : variables.containsKey(matcher.group(2)) ? variables.get(matcher.group(2)).asText()
                    : known(matcher.group(2)).asText();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return TextNode.valueOf(out.toString());
    }

    private JsonNode known(String name) {
        JsonNode value = refs.get(name);
        if (value == null) {
            throw new IllegalArgumentException("unknown reference: " + name);
        }
        return value;
    }
}
