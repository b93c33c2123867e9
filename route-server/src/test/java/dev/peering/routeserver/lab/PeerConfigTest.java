package dev.peering.routeserver.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.routeserver.bird.BirdCommands;
import dev.peering.routeserver.bird.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A peer router's configuration: a prefix with the AS path behind the peer, one without, and an MD5 key. */
class PeerConfigTest {

    private static final PeerConfig PEER = new PeerConfig(
            30000,
            "206.81.81.77",
            null,
            8075,
            "206.81.80.30",
            null,
            "k3y",
            List.of("20.77.1.0/24 174 13335", "20.77.3.0/24"));

    @Test
    void aPrefixMayCarryThePathBehindThePeerOriginLast(@TempDir Path dir) throws IOException {
        String text = PEER.text();
        // prepended origin first, so the path reads 174 13335 (and the peer puts 30000 in front when it sends)
        assertTrue(
                text.contains(
                        "  route 20.77.1.0/24 unreachable { bgp_path.prepend(13335); bgp_path.prepend(174); };\n"),
                text);
        assertTrue(text.contains("  route 20.77.3.0/24 unreachable;\n"), text);
        assertTrue(text.contains("  password \"k3y\";\n"), text);
        Optional<BirdCommands> bird = BirdCommands.installed();
        if (bird.isEmpty()) {
            System.err.println("WARNING: PeerConfigTest: BIRD 2 is not installed, the peer configuration was NOT"
                    + " checked by bird -p (apt-get install bird2)");
            return;
        }
        Path file = dir.resolve("peer.conf");
        Files.writeString(file, text);
        CommandResult checked = bird.get().check(file);
        assertTrue(checked.succeeded(), checked.output());
    }
}
