package dev.peering.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may touch of the outside world: the environment, the three standard streams (and
 * whether they are a terminal, for {@code -o jsonc}), the clock and the HTTP client. Tests pass their
 * own, so the commands never reach for globals.
 */
public record CliContext(
        Map<String, String> env,
        PrintWriter out,
        PrintWriter err,
        BufferedReader in,
        Clock clock,
        HttpClient http,
        boolean terminal) {

    public CliContext(
            Map<String, String> env,
            PrintWriter out,
            PrintWriter err,
            BufferedReader in,
            Clock clock,
            HttpClient http) {
        this(env, out, err, in, clock, http, false);
    }

    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** Whether {@code -o jsonc} colours: on a terminal, unless NO_COLOR is set (no-color.org). */
    public boolean colour() {
        return terminal && env("NO_COLOR") == null;
    }
}
