package dev.iamsteward.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;

/**
 * Request bodies are read strictly: a number is not a name, and a name is not a number; an enum is one of its
 * names; a key appears once; text holds nothing the database cannot store; an instant is ISO-8601 text within
 * {@link Instants}' bounds.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        // Also refuses numeric strings such as "3", which Jackson otherwise takes as the enum's position.
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        SimpleModule strict = new SimpleModule("strict-json").addDeserializer(String.class, new StorableText());
        // A modifier rather than a deserializer of the module: it wins over the Java time module whatever the order.
        strict.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                    JsonDeserializer<?> deserializer) {
                return bean.getBeanClass() == Instant.class ? new BoundedInstant() : deserializer;
            }

            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription bean, JsonDeserializer<?> deserializer) {
                return new EnumName((Class) type.getRawClass());
            }
        });
        mapper.registerModule(strict);
    }

    /** A value refused for what it holds; its message is written for people and names no class. */
    public static final class RefusedValue extends MismatchedInputException {

        private final String reason;

        RefusedValue(JsonParser parser, String reason) {
            super(parser, reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** Text without NUL characters or lone surrogates, neither of which PostgreSQL's UTF-8 text can hold. */
    static final class StorableText extends StdScalarDeserializer<String> {

        StorableText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && !storable(text)) {
                throw new RefusedValue(parser, "must not contain NUL characters or unpaired surrogates");
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        static boolean storable(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\0') {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        i++;
                        continue;
                    }
                    return false;
                }
                if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** An enum constant given by its exact name: no position, no number as text, no blanks around it. */
    static final class EnumName<E extends Enum<E>> extends StdScalarDeserializer<E> {

        private final Class<E> type;

        EnumName(Class<E> type) {
            super(type);
            this.type = type;
        }

        @Override
        public E deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                for (E constant : type.getEnumConstants()) {
                    if (constant.name().equals(text)) {
                        return constant;
                    }
                }
            }
            throw new RefusedValue(parser, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Enum;
        }
    }

    /** An instant given as ISO-8601 text (never a number of seconds) within {@link Instants}' bounds. */
    static final class BoundedInstant extends StdScalarDeserializer<Instant> {

        BoundedInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValue(parser, "must be an ISO-8601 instant such as " + Instants.EXAMPLE);
            }
            try {
                return Instants.parse("it", parser.getText());
            } catch (StewardException e) {
                throw new RefusedValue(parser, e.getMessage().substring("it ".length()));
            }
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }
}
