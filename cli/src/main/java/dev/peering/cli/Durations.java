package dev.peering.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them: {@code 90} (seconds), {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d}. */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)?");

    private Durations() {}

    public static Duration parse(String option, String text) {
        Matcher m = text == null ? null : SIMPLE.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw CliFailure.usage(option + " '" + text + "' is not a duration: use e.g. 30, 30s, 10m, 2h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
