package dev.peering.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of an ARM list: {@code value} and, when more follow, {@code nextLink}, the absolute URL of
 * the next page (with {@code $skipToken}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> value, String nextLink) {}
