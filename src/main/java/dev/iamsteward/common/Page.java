package dev.iamsteward.common;

import java.util.List;

/** One page of a listing; {@code cursor} is passed back to get the next page and is null on the last. */
public record Page<T>(List<T> items, String cursor) {

    public Page {
        items = List.copyOf(items);
    }
}
