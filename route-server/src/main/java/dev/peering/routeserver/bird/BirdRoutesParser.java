package dev.peering.routeserver.bird;

import dev.peering.routeserver.domain.ReceivedRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code birdc show route protocol <name> all} into {@link ReceivedRoute}s: a header line per route
 * ({@code 20.1.1.0/24  unicast [conn_a_v4 2026-12-01 21:41:06.181] * (100) [AS30000i]}, or a line
 * starting with blanks for a second route to the same prefix) and its tab-indented attributes.
 */
public final class BirdRoutesParser {

    private static final Pattern ROUTE = Pattern.compile("^(\\S+)?\\s+\\S+\\s+\\[(\\S+) ([^\\]]+)\\].*$");
    private static final Pattern AS_PATH = Pattern.compile("^\\s+BGP\\.as_path:\\s*(.*?)\\s*$");
    private static final Pattern NEXT_HOP = Pattern.compile("^\\s+BGP\\.next_hop:\\s*(\\S+).*$");
    private static final Pattern VIA = Pattern.compile("^\\s+via (\\S+).*$");

    public List<ReceivedRoute> parse(String output) {
        List<ReceivedRoute> routes = new ArrayList<>();
        Builder current = null;
        String prefix = null;
        for (String line : output.split("\\R")) {
            if (line.startsWith("\t")) {
                if (current != null) {
                    current.read(line);
                }
                continue;
            }
            Matcher m = ROUTE.matcher(line);
            if (m.matches() && (m.group(1) != null || prefix != null)) {
                if (current != null) {
                    routes.add(current.build());
                }
                prefix = m.group(1) != null ? m.group(1) : prefix;
                current = new Builder(m.group(2), prefix, m.group(3).strip());
            }
        }
        if (current != null) {
            routes.add(current.build());
        }
        return List.copyOf(routes);
    }

    private static final class Builder {
        private final String protocol;
        private final String prefix;
        private final String received;
        private String nextHop;
        private String via;
        private final List<Long> asPath = new ArrayList<>();

        Builder(String protocol, String prefix, String received) {
            this.protocol = protocol;
            this.prefix = prefix;
            this.received = received;
        }

        void read(String line) {
            Matcher m;
            if ((m = AS_PATH.matcher(line)).matches()) {
                for (String asn : m.group(1).split("\\s+")) {
                    if (asn.matches("\\d{1,10}")) {
                        asPath.add(Long.parseLong(asn));
                    }
                }
            } else if ((m = NEXT_HOP.matcher(line)).matches()) {
                nextHop = m.group(1);
            } else if ((m = VIA.matcher(line)).matches()) {
                via = m.group(1);
            }
        }

        ReceivedRoute build() {
            return new ReceivedRoute(protocol, prefix, nextHop != null ? nextHop : via, asPath, received);
        }
    }
}
