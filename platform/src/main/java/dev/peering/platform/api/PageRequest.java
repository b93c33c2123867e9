package dev.peering.platform.api;

import dev.peering.core.ArmException;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging for lists: {@code $skipToken} is the sort key of the last item of the previous page,
 * so a page stays stable while resources are added. {@code $top} bounds a page (default and maximum
 * from the caller).
 */
public record PageRequest(String after, int size) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;

    /** From the list operation's {@code $skipToken} and {@code $top} query parameters. */
    public static PageRequest of(String after, String top) {
        int size = DEFAULT_SIZE;
        if (top != null) {
            try {
                size = Integer.parseInt(top);
            } catch (NumberFormatException e) {
                throw ArmException.badRequest(
                        "InvalidQueryParameter", "$top must be a whole number from 1 to " + MAX_SIZE + ".");
            }
            if (size < 1 || size > MAX_SIZE) {
                throw ArmException.badRequest(
                        "InvalidQueryParameter", "$top must be a whole number from 1 to " + MAX_SIZE + ".");
            }
        }
        return new PageRequest(after == null || after.isEmpty() ? null : after, size);
    }

    /** The request's own URL with {@code $skipToken} set to {@code after}; "$" stays unescaped, as ARM writes it. */
    static String nextLink(UriInfo uri, String after) {
        StringBuilder link = new StringBuilder(uri.getAbsolutePath().toString()).append('?');
        uri.getQueryParameters().forEach((name, values) -> {
            if (!name.equals("$skipToken")) {
                values.forEach(v ->
                        link.append(encode(name)).append('=').append(encode(v)).append('&'));
            }
        });
        return link.append("$skipToken=").append(encode(after)).toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
                .replace("%24", "$");
    }

    /**
     * Makes the page from up to {@code size + 1} items fetched in key order: the extra item only tells
     * that another page exists.
     */
    public <E, T> Page<T> page(List<E> fetched, Function<E, String> key, Function<E, T> map, UriInfo uri) {
        boolean more = fetched.size() > size;
        List<E> items = more ? fetched.subList(0, size) : fetched;
        String next = more ? nextLink(uri, key.apply(items.get(items.size() - 1))) : null;
        return new Page<>(items.stream().map(map).toList(), next);
    }
}
