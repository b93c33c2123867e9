package dev.peering.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointsTest {

    @Test
    void defaultIsTheGatewayForAllFourServices() {
        Endpoints e = Endpoints.resolve(new GlobalOptions(), name -> null);

        assertEquals("http://localhost:8080", e.asn().toString());
        assertEquals("http://localhost:8080", e.peering().toString());
        assertEquals("http://localhost:8080", e.connection().toString());
        assertEquals("http://localhost:8080", e.registration().toString());
    }

    @Test
    void anotherGatewayByOptionOrEnvironmentAndAServiceOfItsOwnBesideIt() {
        GlobalOptions o = new GlobalOptions();
        o.connectionUrl = "http://connection:18083";
        Endpoints fromEnv = Endpoints.resolve(o, Map.of("PEERING_ENDPOINT", "https://api.example.net/")::get);
        assertEquals("https://api.example.net", fromEnv.asn().toString());
        assertEquals("http://connection:18083", fromEnv.connection().toString());

        o.endpoint = "http://gateway:9000";
        assertEquals(
                "http://gateway:9000",
                Endpoints.resolve(o, Map.of("PEERING_ENDPOINT", "https://api.example.net/")::get)
                        .registration()
                        .toString());
    }

    @Test
    void theBaseHostMeansTheServicesOnTheirOwnPortsInsteadOfTheGateway() {
        GlobalOptions o = new GlobalOptions();
        o.endpoint = "http://gateway:8080";
        o.endpointBase = "http://localhost";
        Endpoints e = Endpoints.resolve(o, n -> null);

        assertEquals("http://localhost:8081", e.asn().toString());
        assertEquals("http://localhost:8082", e.peering().toString());
        assertEquals("http://localhost:8083", e.connection().toString());
        assertEquals("http://localhost:8084", e.registration().toString());
    }

    @Test
    void oneBaseHostKeepsTheDefaultPortsAndABaseWithAPortIsUsedAsIs() {
        GlobalOptions o = new GlobalOptions();
        o.endpointBase = "https://peering.example.net/";
        assertEquals(
                "https://peering.example.net:8083",
                Endpoints.resolve(o, n -> null).connection().toString());

        o.endpointBase = "http://gateway:9000";
        assertEquals(
                "http://gateway:9000",
                Endpoints.resolve(o, n -> null).registration().toString());
    }

    @Test
    void optionBeatsEnvironmentWhichBeatsTheBase() {
        Map<String, String> env = Map.of(
                "PEERING_ENDPOINT_BASE", "http://base",
                "PEERING_ASN_URL", "http://asn-from-env:1",
                "PEERING_PEERING_URL", "http://peering-from-env:2");
        GlobalOptions o = new GlobalOptions();
        o.asnUrl = "http://asn-from-option:3";

        Endpoints e = Endpoints.resolve(o, env::get);

        assertEquals("http://asn-from-option:3", e.asn().toString());
        assertEquals("http://peering-from-env:2", e.peering().toString());
        assertEquals("http://base:8083", e.connection().toString());
    }

    @Test
    void aUrlThatIsNotHttpIsAUsageError() {
        GlobalOptions o = new GlobalOptions();
        o.asnUrl = "localhost:8081";
        CliFailure f = assertThrows(CliFailure.class, () -> Endpoints.resolve(o, n -> null));
        assertEquals(ExitCodes.USAGE, f.exitCode());
    }
}
