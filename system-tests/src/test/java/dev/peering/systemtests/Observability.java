package dev.peering.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What deploy/observability asks of the services: the PromQL expressions of the Grafana dashboard and of the
 * Prometheus alert rules and the metric names they read.
 */
final class Observability {

    static final Path DIR = Stack.repositoryRoot().resolve("deploy/observability");
    static final Path DASHBOARD = DIR.resolve("grafana/dashboards/peering-control-plane.json");
    static final Path ALERTS = DIR.resolve("alerts.yml");

    private static final Set<String> KEYWORDS = Set.of(
            "by", "on", "and", "or", "unless", "without", "ignoring", "group_left", "group_right", "bool", "offset");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|on|without|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    // not the unit of a duration (5m) nor a Grafana variable ($__rate_interval)
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*");

    private Observability() {}

    /** Every PromQL expression of the dashboard's panels. */
    static List<String> dashboardExpressions() {
        List<String> expressions = new ArrayList<>();
        try {
            for (JsonNode panel :
                    new ObjectMapper().readTree(DASHBOARD.toFile()).path("panels")) {
                panel.path("targets")
                        .forEach(t -> expressions.add(t.path("expr").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expressions;
    }

    /** Every alert rule's expression, by alert name. */
    static Map<String, String> alertExpressions() {
        Map<String, String> rules = new HashMap<>();
        try {
            for (JsonNode group : new ObjectMapper(new YAMLFactory())
                    .readTree(ALERTS.toFile())
                    .path("groups")) {
                group.path("rules")
                        .forEach(r -> rules.put(
                                r.path("alert").asText(), r.path("expr").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }

    /**
     * The metric names an expression reads: its identifiers once strings, label matchers, ranges and the label
     * lists of by/on/without/ignoring/group_left are taken out, less functions (followed by a parenthesis) and
     * operators.
     */
    static Set<String> metricNames(String expression) {
        String e = STRING.matcher(expression).replaceAll("");
        e = LABELS.matcher(e).replaceAll(" ");
        e = RANGE.matcher(e).replaceAll(" ");
        e = GROUPING.matcher(e).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(e);
        while (m.find()) {
            String rest = e.substring(m.end()).stripLeading();
            if (!rest.startsWith("(") && !KEYWORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }
}
