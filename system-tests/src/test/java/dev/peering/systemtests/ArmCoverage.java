package dev.peering.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The README's "Microsoft.Peering coverage" table (between its {@code arm-coverage} markers): each operationId
 * of peering.json and the service that serves it, or "out of scope". An operation that only the bird route
 * server adapter can answer (the shared stack runs the simulation) is served, but not walked by
 * {@code ArmOperationsIT}: connection-service's {@code RouteServerIT} calls it against real BIRD routers, and
 * {@code RouteServerStoryIT} through the gateway of a stack of its own with the bird adapter.
 */
final class ArmCoverage {

    static final String OUT_OF_SCOPE = "out of scope";
    static final String ROUTE_SERVER_ONLY = "connection-service (bird adapter)";

    private ArmCoverage() {}

    /** operationId -> the "served by" cell, in the table's order. */
    static Map<String, String> table() {
        String readme;
        try {
            readme = Files.readString(Stack.repositoryRoot().resolve("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = readme.indexOf("<!-- arm-coverage:start -->");
        int end = readme.indexOf("<!-- arm-coverage:end -->");
        if (start < 0 || end < start) {
            throw new IllegalStateException("README.md has no arm-coverage table");
        }
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : readme.substring(start, end).lines().toList()) {
            List<String> cells = List.of(line.split("\\|", -1));
            if (cells.size() < 4
                    || cells.get(1).isBlank()
                    || cells.get(1).contains("---")
                    || cells.get(1).trim().equals("operationId")) {
                continue;
            }
            if (rows.put(cells.get(1).trim(), cells.get(2).trim()) != null) {
                throw new IllegalStateException("README lists " + cells.get(1).trim() + " twice");
            }
        }
        return rows;
    }

    /** The operations the table says are served with the simulated route server, as the system tests run. */
    static List<String> served() {
        return table().entrySet().stream()
                .filter(e -> !e.getValue().equals(OUT_OF_SCOPE) && !e.getValue().equals(ROUTE_SERVER_ONLY))
                .map(Map.Entry::getKey)
                .collect(Collectors.toList());
    }
}
