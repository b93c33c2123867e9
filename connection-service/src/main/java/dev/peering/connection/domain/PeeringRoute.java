package dev.peering.connection.domain;

/**
 * A route the route server received from one of a peering's sessions, in the ARM API's terms
 * ({@code PeeringReceivedRoute}); {@code key} orders the routes for paging (prefix, then protocol).
 */
public record PeeringRoute(
        String key,
        String prefix,
        String nextHop,
        String asPath,
        String originAsValidationState,
        String rpkiValidationState,
        String trustAnchor,
        String receivedTimestamp) {

    /** Whether this route passes the list operation's filters; a null filter passes everything. */
    public boolean matches(String prefixFilter, String asPathFilter, String originState, String rpkiState) {
        return (prefixFilter == null || prefixFilter.equals(prefix))
                && (asPathFilter == null || asPathFilter.equals(asPath))
                && (originState == null || originState.equalsIgnoreCase(originAsValidationState))
                && (rpkiState == null || rpkiState.equalsIgnoreCase(rpkiValidationState));
    }
}
