package dev.peering.routeserver.bird;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.peering.routeserver.domain.ReceivedRoute;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code show route ... all} as BIRD 2.0.12 prints it (the layout of a real session's routes). */
class BirdRoutesParserTest {

    @Test
    void readsEachRouteWithItsPathNextHopAndTime() throws IOException {
        String out =
                Files.readString(Path.of("src/test/resources/fixtures/show-route-all.txt"), StandardCharsets.UTF_8);
        List<ReceivedRoute> routes = new BirdRoutesParser().parse(out);
        assertEquals(
                List.of(
                        new ReceivedRoute(
                                "s_a_v4", "20.1.1.0/24", "206.81.81.10", List.of(30000L), "2026-12-01 21:41:06.181"),
                        new ReceivedRoute(
                                "s_a_v4",
                                "20.1.2.0/24",
                                "206.81.81.10",
                                List.of(30000L, 64500L),
                                "2026-12-01 21:41:06.181"),
                        new ReceivedRoute(
                                "s_a_v4", "20.1.2.0/24", "206.81.81.10", List.of(30000L), "2026-12-01 21:41:07.002"),
                        new ReceivedRoute(
                                "s_a_v6",
                                "2620:1ec:10::/48",
                                "2001:504:16::a:10",
                                List.of(30000L),
                                "2026-12-01 21:41:06.300")),
                routes);
        assertEquals(64500L, routes.get(1).originAsn().orElseThrow());
    }
}
