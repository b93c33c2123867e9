package dev.peering.testsupport;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;

/** A service's {@code /q/metrics} (the Prometheus text format) as samples, the way Prometheus reads it. */
public final class Scrape {

    /** One sample: its metric name, its labels as written ({@code {a="b",...}}, or empty), its value. */
    public record Sample(String name, String labels, double value) {}

    private Scrape() {}

    /** Every sample of {@code baseUrl}/q/metrics; {@code null} for RestAssured's configured base URI. */
    public static List<Sample> of(String baseUrl) {
        var request = given();
        if (baseUrl != null) {
            request.baseUri(baseUrl);
        }
        return parse(request.get("/q/metrics").then().statusCode(200).extract().asString());
    }

    static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int close = line.lastIndexOf('}');
            int open = line.indexOf('{');
            boolean labelled = open >= 0 && close > open;
            String name = labelled ? line.substring(0, open) : line.substring(0, line.indexOf(' '));
            String labels = labelled ? line.substring(open, close + 1) : "";
            String value = (labelled ? line.substring(close + 1) : line.substring(name.length())).trim();
            samples.add(new Sample(name, labels, Double.parseDouble(value.split(" ")[0])));
        }
        return samples;
    }

    /**
     * The sum of the samples named {@code name} whose labels contain each of {@code labels} (written as in the
     * format: {@code state="Active"}), over every service at {@code baseUrls}.
     */
    public static double sum(List<String> baseUrls, String name, String... labels) {
        double sum = 0;
        for (String url : baseUrls) {
            for (Sample s : of(url)) {
                if (s.name().equals(name) && List.of(labels).stream().allMatch(s.labels()::contains)) {
                    sum += s.value();
                }
            }
        }
        return sum;
    }

    /** {@link #sum} of the service under test (RestAssured's base URI). */
    public static double value(String name, String... labels) {
        return sum(java.util.Collections.singletonList(null), name, labels);
    }
}
