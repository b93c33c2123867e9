package dev.peering.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them: {@code 90} (seconds), {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d},
 * and combinations such as {@code 1h30m}.
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)?");
    private static final Pattern WHOLE = Pattern.compile("(\\d{1,9}\\s*(ms|s|m|h|d)?\\s*)+");

    private Durations() {}

    public static Duration parse(String option, String text) {
        String t = text == null ? "" : text.trim();
        if (!WHOLE.matcher(t).matches()) {
            throw CliFailure.usage(
                    option + " '" + text + "' is not a duration: use e.g. 30, 30s, 10m, 2h, 1h30m or 1d");
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            total = total.plus(
                    switch (unit) {
                        case "ms" -> Duration.ofMillis(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        case "d" -> Duration.ofDays(n);
                        default -> Duration.ofSeconds(n);
                    });
        }
        return total;
    }

    /** {@code 36s}, {@code 12m05s}, {@code 13h00m}: what a progress line or a message shows. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s == 0 && !d.isZero()) {
            return d.toMillis() + "ms";
        }
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
