package com.analyticscopilot.data;

import java.util.List;
import java.util.Objects;

/**
 * A data set read from a file, with what a user should know about it but that did not stop the
 * import: missing time steps, empty cells, roles inferred from names.
 *
 * @param dataset  the data, missing values as NaN
 * @param warnings one readable line each, in the order found
 */
public record LoadResult(Dataset dataset, List<String> warnings) {

    public LoadResult {
        Objects.requireNonNull(dataset, "dataset");
        warnings = List.copyOf(warnings);
    }
}
