package dev.peering.cli;

import static dev.peering.cli.Settlement.Outcome.FAILED;
import static dev.peering.cli.Settlement.Outcome.PENDING;
import static dev.peering.cli.Settlement.Outcome.SUCCEEDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SettlementTest {

    private static JsonNode json(String text) throws Exception {
        return ArmClient.JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void peerAsnSettlesApprovedOrFailed() throws Exception {
        assertEquals(
                PENDING,
                Settlement.peerAsn(json("{'properties':{'validationState':'Pending'}}"))
                        .outcome());
        assertEquals(
                SUCCEEDED,
                Settlement.peerAsn(json("{'properties':{'validationState':'Approved'}}"))
                        .outcome());
        Settlement failed = Settlement.peerAsn(json("{'properties':{'validationState':'Failed'}}"));
        assertEquals(FAILED, failed.outcome());
        assertEquals(
                "AS 64512 is private",
                Settlement.reason(
                        json("{'properties':{'validationState':'Failed','errorMessage':'AS 64512 is private'}}"),
                        failed));
    }

    @Test
    void peeringWaitsWhileUpdatingAndSettlesSucceededOrFailed() throws Exception {
        assertEquals(
                PENDING,
                Settlement.peering(json("{'properties':{'provisioningState':'Updating'}}"))
                        .outcome());
        assertEquals(
                SUCCEEDED,
                Settlement.peering(json("{'properties':{'provisioningState':'Succeeded'}}"))
                        .outcome());
        assertEquals(
                FAILED,
                Settlement.peering(json("{'properties':{'provisioningState':'Failed'}}"))
                        .outcome());
        assertEquals("(no state yet)", Settlement.peering(json("{}")).state());
    }

    @Test
    void connectionIsSettledWhenActiveWithEveryConfiguredSessionEstablished() throws Exception {
        Settlement notYet = Settlement.connection(json("{'connectionState':'Active',"
                + "'bgpSession':{'sessionStateV4':'Established','sessionStateV6':'OpenSent'}}"));
        assertEquals(PENDING, notYet.outcome());
        assertEquals("Active v4=Established v6=OpenSent", notYet.state());

        assertEquals(
                SUCCEEDED,
                Settlement.connection(json("{'connectionState':'Active',"
                                + "'bgpSession':{'sessionStateV4':'Established','sessionStateV6':'None'}}"))
                        .outcome());
        assertEquals(
                SUCCEEDED,
                Settlement.connection(json("{'properties':{'connectionState':'Active',"
                                + "'bgpSession':{'sessionStateV6':'Established'}}}"))
                        .outcome());
        assertEquals(
                PENDING,
                Settlement.connection(json("{'connectionState':'Active','bgpSession':{}}"))
                        .outcome(),
                "an Active connection without any session state is not settled yet");
        assertEquals(
                PENDING,
                Settlement.connection(json(
                                "{'connectionState':'Validating'," + "'bgpSession':{'sessionStateV4':'Established'}}"))
                        .outcome());
    }

    @Test
    void connectionFailsOnProvisioningFailedAndExternalBlocker() throws Exception {
        assertEquals(
                FAILED,
                Settlement.connection(json("{'connectionState':'ProvisioningFailed'}"))
                        .outcome());
        assertEquals(
                FAILED,
                Settlement.connection(json("{'connectionState':'ExternalBlocker'}"))
                        .outcome());
    }

    @Test
    void registeredAsnSettlesWithItsKeyAndNeverShowsIt() throws Exception {
        Settlement done = Settlement.registeredAsn(
                json(
                        "{'properties':{'asn':65001,'peeringServicePrefixKey':'6a4c1b2e-secret','provisioningState':'Succeeded'}}"));
        assertEquals(SUCCEEDED, done.outcome());
        assertFalse(done.state().contains("secret"));
        assertEquals(
                PENDING,
                Settlement.registeredAsn(json("{'properties':{'asn':65001}}")).outcome());
        assertEquals(
                FAILED,
                Settlement.registeredAsn(json("{'properties':{'provisioningState':'Failed'}}"))
                        .outcome());
    }

    @Test
    void prefixSettlesVerifiedOrFailed() throws Exception {
        assertEquals(
                PENDING,
                Settlement.prefix(json("{'properties':{'prefixValidationState':'Pending'}}"))
                        .outcome());
        assertEquals(
                SUCCEEDED,
                Settlement.prefix(json("{'properties':{'prefixValidationState':'Warning'}}"))
                        .outcome());
        assertEquals(
                SUCCEEDED,
                Settlement.prefix(json("{'properties':{'prefixValidationState':'Verified'}}"))
                        .outcome());
        assertEquals(
                FAILED,
                Settlement.prefix(json("{'properties':{'prefixValidationState':'Failed'}}"))
                        .outcome());
        assertEquals(
                FAILED,
                Settlement.prefix(json("{'properties':{'prefixValidationState':'Invalid'}}"))
                        .outcome());
    }
}
