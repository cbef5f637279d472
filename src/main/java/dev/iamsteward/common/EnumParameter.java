package dev.iamsteward.common;

import java.util.Arrays;

/** Reads a query parameter that names an enum constant, such as a listing's status or kind filter. */
public final class EnumParameter {

    private EnumParameter() {
    }

    /** The constant {@code value} names, or null when it is absent; any other value is invalid input. */
    public static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw StewardException.invalid(name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
