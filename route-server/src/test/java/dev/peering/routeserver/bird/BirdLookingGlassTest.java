package dev.peering.routeserver.bird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.reference.net.Cidr;
import dev.peering.routeserver.domain.LookingGlassCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The looking glass's commands: argument lists of a parsed address, bounded, and the addresses it never probes. */
class BirdLookingGlassTest {

    private static final BirdLookingGlass GLASS = new BirdLookingGlass(
            new BirdCommands(Path.of("bird"), Path.of("birdc"), Duration.ofSeconds(5)),
            Path.of("bird.ctl"),
            Optional.empty(),
            new BirdLookingGlass.Limits(3, 8, Duration.ofSeconds(10), 16384));

    @Test
    void pingAndTracerouteAreBoundedArgumentListsEndingInTheCanonicalAddress() {
        assertEquals(
                List.of("-4", "-n", "-c", "3", "-i", "0.2", "-W", "1", "-w", "5", "206.81.81.10"),
                GLASS.pingArguments(Cidr.parseAddress("206.81.81.10")));
        assertEquals(
                List.of("-6", "-n", "-q", "1", "-w", "1", "-m", "8", "2001:504:16::a:11"),
                GLASS.tracerouteArguments(Cidr.parseAddress("2001:504:16::a:11")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"0.0.0.0", "127.0.0.1", "224.0.0.1", "239.1.2.3", "255.255.255.255", "::", "::1", "ff02::1"})
    void unspecifiedLoopbackMulticastAndBroadcastAreNeverProbed(String address) {
        Cidr.Address parsed = Cidr.parseAddress(address);
        assertTrue(BirdLookingGlass.refusal(parsed).isPresent(), address);
        assertThrows(
                IllegalArgumentException.class, () -> GLASS.run(LookingGlassCommand.Ping, parsed, Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"206.81.81.10", "20.1.1.1", "2001:504:16::a:11", "2620:1ec:20::1"})
    void unicastAddressesMayBeProbed(String address) {
        assertEquals(Optional.empty(), BirdLookingGlass.refusal(Cidr.parseAddress(address)));
    }

    @Test
    void limitsOutsideTheirRangesAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new BirdLookingGlass.Limits(1000, 8, Duration.ofSeconds(10), 16384));
        assertThrows(
                IllegalArgumentException.class,
                () -> new BirdLookingGlass.Limits(3, 64, Duration.ofSeconds(10), 16384));
    }
}
