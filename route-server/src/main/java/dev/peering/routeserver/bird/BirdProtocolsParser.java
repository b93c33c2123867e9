package dev.peering.routeserver.bird;

import dev.peering.routeserver.domain.ObservedSessionState;
import dev.peering.routeserver.domain.SessionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code birdc show protocols all} (or the short {@code show protocols}) into one
 * {@link SessionStatus} per BGP protocol, with BIRD's state mapped to the ARM session states and its last
 * error kept as the reason. Other protocols (device, static, rpki) are left out.
 */
public final class BirdProtocolsParser {

    /** {@code name proto table state since info}; since is {@code HH:MM:SS.mmm} or an ISO date and time. */
    private static final Pattern HEADER =
            Pattern.compile("^(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(up|down|start|stop|flush)\\s+"
                    + "(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?|\\S+)\\s*(.*)$");

    private static final Pattern BGP_STATE = Pattern.compile("^\\s+BGP state:\\s+(\\S+)\\s*$");
    private static final Pattern LAST_ERROR = Pattern.compile("^\\s+Last error:\\s+(.+?)\\s*$");
    private static final Pattern ROUTES = Pattern.compile("^\\s+Routes:\\s+(\\d+) imported");

    public List<SessionStatus> parse(String output) {
        List<SessionStatus> statuses = new ArrayList<>();
        Block block = null;
        for (String line : output.split("\\R")) {
            Matcher header = HEADER.matcher(line);
            if (!line.startsWith(" ") && header.matches() && !line.startsWith("Name ")) {
                addIfBgp(statuses, block);
                block = new Block(header);
            } else if (block != null) {
                block.read(line);
            }
        }
        addIfBgp(statuses, block);
        return List.copyOf(statuses);
    }

    /**
     * BIRD's BGP state in the ARM API's terms. BIRD says {@code Passive} for a session that waits for the
     * peer to connect (RFC 4271's Active), and {@code Down} or {@code Close} for one that is held down or
     * closing, which the ARM API can only call Idle. An unknown word (a newer BIRD) is Idle too.
     */
    public static ObservedSessionState map(String birdState) {
        return switch (birdState) {
            case "Established" -> ObservedSessionState.Established;
            case "OpenConfirm" -> ObservedSessionState.OpenConfirm;
            case "OpenSent" -> ObservedSessionState.OpenSent;
            case "Connect" -> ObservedSessionState.Connect;
            case "Active", "Passive" -> ObservedSessionState.Active;
            default -> ObservedSessionState.Idle;
        };
    }

    private static void addIfBgp(List<SessionStatus> statuses, Block block) {
        if (block != null && block.proto.equals("BGP")) {
            statuses.add(block.toStatus());
        }
    }

    /** One protocol's header line and the indented lines under it. */
    private static final class Block {
        private final String name;
        private final String proto;
        private final String protocolState;
        private final String since;
        private final String info;
        private String bgpState;
        private String lastError;
        private Integer imported;

        Block(Matcher header) {
            name = header.group(1);
            proto = header.group(2);
            protocolState = header.group(4);
            since = header.group(5);
            info = header.group(6).strip();
        }

        void read(String line) {
            Matcher m;
            if ((m = BGP_STATE.matcher(line)).matches()) {
                bgpState = m.group(1);
            } else if ((m = LAST_ERROR.matcher(line)).matches()) {
                lastError = m.group(1);
            } else if ((m = ROUTES.matcher(line)).find()) {
                imported = Integer.parseInt(m.group(1));
            }
        }

        SessionStatus toStatus() {
            // The short listing has no detail lines: the info column starts with the BGP state (not when
            // the protocol is down) and goes on with the last error.
            String state = bgpState;
            String error = lastError;
            if (state == null) {
                String[] words = info.split("\\s+", 2);
                boolean down = protocolState.equals("down");
                state = down || info.isEmpty() ? "Down" : words[0];
                String rest = down ? info : (words.length > 1 ? words[1].strip() : "");
                error = rest.isEmpty() ? null : rest;
            }
            var sessionAndFamily = BirdNames.sessionOf(name);
            return new SessionStatus(
                    name,
                    sessionAndFamily.map(BirdNames.SessionAndFamily::session),
                    sessionAndFamily.map(BirdNames.SessionAndFamily::family),
                    map(state),
                    protocolState + "/" + state,
                    since,
                    Optional.ofNullable(error),
                    Optional.ofNullable(imported));
        }
    }
}
