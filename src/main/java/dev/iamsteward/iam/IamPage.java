package dev.iamsteward.iam;

import java.util.List;
import java.util.Optional;

/** One page of an IAM listing; {@code marker} is present when more items follow. */
public record IamPage<T>(List<T> items, Optional<String> marker) {

    public IamPage {
        items = List.copyOf(items);
    }
}
