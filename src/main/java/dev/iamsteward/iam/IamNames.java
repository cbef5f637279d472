package dev.iamsteward.iam;

import java.util.regex.Pattern;

/** IAM's documented rules for names, paths and tags, shared by validation and the in-memory IAM. */
public final class IamNames {

    /** User names: {@code [\w+=,.@-]{1,64}}. */
    public static final Pattern USER_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    /** Paths: a slash alone, or slash-delimited segments of printable ASCII, at most 512 characters. */
    public static final Pattern PATH = Pattern.compile("(/)|(/[\\u0021-\\u007E]+/)");
    public static final int PATH_MAX = 512;
    /** Tag keys and values: letters, digits, spaces and {@code _ . : / = + - @}. */
    public static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}");
    public static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{0,256}");
    public static final int TAG_VALUE_MAX = 256;
    public static final int TAGS_MAX = 50;

    private IamNames() {
    }

    public static boolean isUserName(String name) {
        return name != null && USER_NAME.matcher(name).matches();
    }

    /** {@code value} with every character a tag value may not hold replaced by '-', cut to 256. */
    public static String toTagValue(String value) {
        String cleaned = value.replaceAll("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]", "-");
        return cleaned.length() > TAG_VALUE_MAX ? cleaned.substring(0, TAG_VALUE_MAX) : cleaned;
    }

    public static boolean isPath(String path) {
        return path != null && path.length() <= PATH_MAX && PATH.matcher(path).matches();
    }
}
