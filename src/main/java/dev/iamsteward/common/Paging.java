package dev.iamsteward.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of every keyset listing: how many rows a page holds, and the cursor the previous page handed
 * out. A listing takes it as {@code @Valid @BeanParam Paging paging}.
 */
public class Paging {

    @QueryParam("limit")
    @DefaultValue("50")
    @Min(1)
    @Max(500)
    int limit;

    @Parameter(name = "cursor", description = "The cursor of the previous page")
    @QueryParam("cursor")
    String cursor;

    /** For the REST layer, which fills the fields from the query. */
    public Paging() {
    }

    public Paging(int limit, String cursor) {
        this.limit = limit;
        this.cursor = cursor;
    }

    public int limit() {
        return limit;
    }

    /** Null for the first page. */
    public String cursor() {
        return cursor;
    }
}
