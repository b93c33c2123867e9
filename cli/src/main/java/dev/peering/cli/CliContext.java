package dev.peering.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may touch of the outside world: the environment, the three standard streams, the
 * clock and the HTTP client. Tests pass their own, so the commands never reach for globals.
 */
public record CliContext(
        Map<String, String> env, PrintWriter out, PrintWriter err, BufferedReader in, Clock clock, HttpClient http) {

    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
