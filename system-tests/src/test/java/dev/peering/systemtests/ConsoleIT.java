package dev.peering.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.testsupport.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The seed's story in a real browser (headless Chromium) on the console of the system tests' stack: sign in,
 * associate a Peer ASN, create a peering while it is Pending, watch its connections reach Active and their
 * sessions Established without reloading the page, add a session, add and remove a connection (typing
 * {@code yes}), register a customer ASN and read its Prefix Key; the unhappy paths, tenancy, CSRF; a
 * screenshot and an axe-core check of every page; the page-load and event-to-page figures of the README.
 * Steps share one peering, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    static final Duration STEP = Duration.ofSeconds(60);
    static final String RG = "rg-ix";
    static final String PEERING = "ix-seattle";
    /**
     * A host number of its own for this run's session addresses: an address is taken per facility across
     * subscriptions, and other system tests share the stack.
     */
    static final int HOST = 2 + new java.util.Random().nextInt(250);

    static Stack stack;
    static String console;
    static String sub;
    static String otherSub;
    static Browser browser;
    static TopicReader connectionTopic;
    static EventStreamRecorder mine;
    static EventStreamRecorder theirs;
    static String overview;

    /** A failed step leaves the page it saw in target/console-failures/ (screenshot and HTML). */
    @RegisterExtension
    static final TestWatcher KEEP_THE_PAGE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.keepFailure(context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    static void start() {
        stack = Stack.get();
        console = stack.url(Stack.CONSOLE);
        sub = "sub-console-" + UUID.randomUUID().toString().substring(0, 8);
        otherSub = "sub-other-" + UUID.randomUUID().toString().substring(0, 8);
        overview = "/peering/" + sub + "/" + RG + "/" + PEERING;
        connectionTopic = new TopicReader(stack.kafka(), "peering.connection-events");
        browser = new Browser(console);
        // two SSE streams read beside the browser: this tenant's, and another tenant's that must stay silent
        mine = EventStreamRecorder.open(console, stack.peerToken(sub));
        theirs = EventStreamRecorder.open(console, stack.peerToken(otherSub));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        connectionTopic.close();
        mine.close();
        theirs.close();
    }

    static void signIn(String bearer) {
        browser.open("/sign-in");
        browser.type("f-token", bearer);
        browser.find("form[action='/sign-in'] button[type=submit]").click();
    }

    @Test
    @Order(1)
    void signInAndAssociateAPeerAsnWithABadFieldFirst() {
        browser.open("/sign-in");
        browser.screenshot("sign-in");
        browser.checkAccessibility("sign-in");
        signIn(stack.peerToken(sub));
        await().atMost(STEP).until(() -> browser.path().equals("/peer-asns"));
        assertFalse(browser.driver.getPageSource().contains(stack.peerToken(sub).substring(7)), "no token in the page");

        browser.type("f-name", "contoso");
        browser.type("f-peerAsn", "30000");
        browser.type("f-peerName", "Contoso 2");
        browser.type("f-email", "noc@contoso.example");
        browser.find("#associate button[type=submit]").click();
        // the service's message, beside the field it names, and nothing associated
        String error = browser.byId("e-peerName").getText();
        assertTrue(error.contains("may hold only letters and spaces"), error);
        assertEquals("true", browser.byId("f-peerName").getAttribute("aria-invalid"));
        browser.screenshot("peer-asn-field-error");
        assertTrue(browser.all("#peer-asn-table tr[data-name='contoso']").isEmpty());

        browser.type("f-peerName", "Contoso IX");
        browser.find("#associate button[type=submit]").click();
        await().atMost(STEP).until(() -> browser.stateOf("tr[data-name='contoso']", ".state")
                .equals("Pending"));
        browser.screenshot("peer-asns");
        browser.checkAccessibility("peer-asns");
    }

    @Test
    @Order(2)
    void createThePeeringWhileTheAsnIsPendingThenWatchItBecomeActiveWithoutReloading() {
        // the Peer ASNs page stays open in its own tab: the approval must appear there without a reload
        String asnTab = browser.driver.getWindowHandle();
        browser.markPage();
        browser.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        String peeringTab = browser.driver.getWindowHandle();

        browser.open("/peerings/new?subscription=" + sub);
        browser.type("f-resourceGroup", RG);
        browser.type("f-name", PEERING);
        browser.select("f-peerAsn", "contoso");
        browser.selectText("f-peeringLocation", "Seattle");
        browser.type("f-c0.connectionIdentifier", "sea-v4");
        browser.select("f-c0.peeringDBFacilityId", "143");
        browser.type("f-c0.sessionPrefixV4", "206.81.80.0/22");
        browser.type("f-c0.microsoftSessionIPv4Address", "206.81.80.30");
        browser.type("f-c0.peerSessionIPv4Address", "not-an-address");
        browser.type("f-c0.md5AuthenticationKey", "md5-console-secret");
        browser.screenshot("create-peering");
        browser.checkAccessibility("create-peering");
        browser.byId("review-create").click();
        await().atMost(STEP).until(() -> !browser.all("#review-body").isEmpty());
        String review = browser.byId("review-body").getText();
        assertTrue(review.contains("\"directPeeringType\" : \"IxRs\""), review);
        assertFalse(review.contains("md5-console-secret"), "the MD5 key is masked on Review + create");
        browser.screenshot("review-create");
        browser.byId("create").click();
        // a bad value: the service's message on the field it names
        await().atMost(STEP)
                .until(() -> !browser.all("#e-c0\\.peerSessionIPv4Address").isEmpty());
        assertTrue(browser.find("#e-c0\\.peerSessionIPv4Address").getText().contains("is not a valid IP address"));

        browser.type("f-c0.peerSessionIPv4Address", "206.81.82." + HOST);
        browser.type("f-c0.md5AuthenticationKey", "md5-console-secret");
        browser.select("f-c0.peeringDBFacilityId", "143");
        browser.byId("review-create").click();
        await().atMost(STEP).until(() -> !browser.all("#create").isEmpty());
        browser.byId("create").click();
        await().atMost(STEP).until(() -> browser.path().equals(overview));
        browser.markPage();
        long opened = System.currentTimeMillis();
        browser.script(
                """
                window.__changes = [];
                new MutationObserver(() => {
                  const row = document.querySelector('#conn-sea-v4');
                  if (row) {
                    window.__changes.push([Date.now(), row.querySelector('.connection-state').textContent.trim(),
                        row.querySelector('.v4').textContent.trim()]);
                  }
                }).observe(document.getElementById('main'), {childList: true, subtree: true, characterData: true});
                """);
        await().atMost(STEP)
                .pollInterval(Duration.ofMillis(100))
                .until(() ->
                        browser.stateOf("#conn-sea-v4", ".connection-state").equals("Active")
                                && browser.stateOf("#conn-sea-v4", ".v4").equals("Established"));
        assertTrue(browser.sameDocument(), "the Connections view changed without a reload");
        browser.screenshot("peering-overview");
        browser.checkAccessibility("peering-overview");
        recordEventToPageLatency(opened);

        // meanwhile, in the first tab, the PeerAsn turned Approved without a reload
        browser.driver.switchTo().window(asnTab);
        await().atMost(STEP).until(() -> browser.stateOf("tr[data-name='contoso']", ".state")
                .equals("Approved"));
        assertTrue(browser.sameDocument(), "the Peer ASNs page changed without a reload");
        browser.driver.close();
        browser.driver.switchTo().window(peeringTab);
    }

    /**
     * For each of sea-v4's state changes: the record's time on the topic to the moment the open page showed it
     * (one clock: the browser and the stack run on this machine). Printed for the README.
     */
    static void recordEventToPageLatency(long since) {
        @SuppressWarnings("unchecked")
        List<List<Object>> changes = (List<List<Object>>) browser.script("return window.__changes;");
        String subject = Api.peering(sub, RG, PEERING) + "/connections/sea-v4";
        java.util.function.Predicate<TopicReader.Received> seaV4 =
                r -> r.event() != null && subject.equals(r.event().subject()) && r.timestamp() >= since;
        connectionTopic.awaitEvents(seaV4, 3);
        List<TopicReader.Received> events =
                connectionTopic.poll().stream().filter(seaV4).toList();
        List<Long> latencies = new ArrayList<>();
        for (TopicReader.Received event : events) {
            String state = event.event().data().path("connectionState").asText("");
            String v4 = event.event().data().path("sessionStateV4").asText("");
            for (List<Object> change : changes) {
                long seen = ((Number) change.get(0)).longValue();
                boolean shows = (!state.isEmpty() && state.equals(change.get(1)))
                        || (!v4.isEmpty() && v4.equals(change.get(2)) && "Active".equals(change.get(1)));
                if (shows && seen >= event.timestamp()) {
                    latencies.add(seen - event.timestamp());
                    break;
                }
            }
        }
        assertFalse(latencies.isEmpty(), "no event was matched to a change on the page: " + changes);
        System.out.println("CONSOLE-FIGURE event-to-page ms " + Percentiles.describe(latencies));
    }

    @Test
    @Order(3)
    void addASessionThenAddAndRemoveAConnectionTypingYes() {
        browser.open(overview);
        browser.select("f-connection", "sea-v4");
        browser.type("f-s.sessionPrefixV6", "2001:504:16::/64");
        browser.type("f-s.microsoftSessionIPv6Address", "2001:504:16::1f9b");
        browser.type("f-s.peerSessionIPv6Address", "2001:504:16::c:" + Integer.toHexString(HOST));
        browser.find("#add-session button[type=submit]").click();
        await().atMost(STEP).until(() -> browser.stateOf("#conn-sea-v4", ".v6").equals("Established"));

        browser.type("f-connectionIdentifier", "sea-added");
        browser.type("f-sessionPrefixV4", "206.81.80.0/22");
        browser.type("f-microsoftSessionIPv4Address", "206.81.80.30");
        browser.type("f-peerSessionIPv4Address", "206.81.83." + HOST);
        browser.find("#add-connection button[type=submit]").click();
        // the overview the form redirects to lists sea-added as soon as it exists; from then on, no reload
        await().atMost(STEP).until(() -> !browser.stateOf("#conn-sea-added", ".connection-state")
                .isEmpty());
        browser.markPage();
        await().atMost(STEP).until(() -> browser.stateOf("#conn-sea-added", ".connection-state")
                .equals("Active"));
        assertTrue(browser.sameDocument(), "sea-added reached Active on the open page");

        // a word other than yes: refused by the service, the connection stays
        browser.click("#conn-sea-added .remove-connection");
        browser.type("f-confirm", "no");
        browser.screenshot("remove-connection");
        browser.checkAccessibility("remove-connection");
        browser.byId("remove-confirm").click();
        await().atMost(STEP).until(() -> !browser.all("#error-banner").isEmpty());
        assertTrue(
                browser.byId("error-banner").getText().contains("yes"),
                browser.byId("error-banner").getText());
        assertEquals("Active", browser.stateOf("#conn-sea-added", ".connection-state"));

        browser.click("#conn-sea-added .remove-connection");
        browser.type("f-confirm", "yes");
        browser.byId("remove-confirm").click();
        await().atMost(STEP)
                .until(() -> browser.path().equals(overview)
                        && browser.all("#conn-sea-added").isEmpty());
    }

    @Test
    @Order(4)
    void aPeerRemovingASessionReadsTheSeedsMessage() {
        browser.open(overview);
        browser.click("#conn-sea-v4 form[action$='remove-session'] button");
        await().atMost(STEP).until(() -> !browser.all("#error-banner").isEmpty());
        String message = browser.byId("error-banner").getText();
        assertTrue(message.contains("contact Microsoft peering"), message);
        assertEquals("Established", browser.stateOf("#conn-sea-v4", ".v4"));
        browser.screenshot("peer-removes-session");
    }

    @Test
    @Order(5)
    void registerACustomerAsnAndReadItsPrefixKeyOnce() {
        browser.open(overview + "/registered-asns");
        browser.type("f-registeredAsnName", "fabrikam");
        browser.type("f-asn", "13335");
        browser.find("#register button[type=submit]").click();
        await().atMost(STEP).until(() -> !browser.all("#asn-fabrikam .masked").isEmpty());
        browser.click("#asn-fabrikam form[action$='show-key'] button");
        String key = browser.find("#asn-fabrikam .prefix-key").getAttribute("value");
        assertTrue(key.length() > 16, key);
        browser.screenshot("registered-asns");
        browser.checkAccessibility("registered-asns");
        browser.open(overview + "/registered-asns");
        assertTrue(browser.all("#asn-fabrikam .prefix-key").isEmpty(), "masked after it was shown");
        assertFalse(browser.driver.getPageSource().contains(key));
        assertTrue(browser.find("#asn-fabrikam .masked").getText().endsWith(key.substring(key.length() - 4)));
    }

    @Test
    @Order(6)
    void anotherTenantNeitherSeesThePeeringNorReceivesItsEvents() {
        String peeringEvents = EventStreamRecorder.peeringEventName(Api.peering(sub, RG, PEERING));
        assertTrue(mine.names().contains(peeringEvents), "this tenant's stream got its events: " + mine.names());
        // the other tenant's stream got nothing but the live-status line it opens with
        assertEquals(List.of(), theirs.eventNames(), "another tenant's stream");

        long t0 = System.nanoTime();
        browser.find("form[action='/sign-out'] button").click();
        await().atMost(STEP).until(() -> browser.path().equals("/sign-in"));
        signIn(stack.peerToken(otherSub));
        long t1 = System.nanoTime();
        browser.open("/peerings");
        assertFalse(browser.driver.getPageSource().contains(PEERING));
        long t2 = System.nanoTime();
        browser.open(overview);
        assertFalse(browser.all("#error-banner").isEmpty(), "an error page, not the peering");
        assertTrue(browser.all("#conn-sea-v4").isEmpty());
        assertTrue(browser.all("#connections").isEmpty());
        long t3 = System.nanoTime();
        browser.open("/operator");
        System.out.printf(
                "tenancy steps ms: sign-out+in %d, peerings %d, foreign overview %d, operator %d%n",
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000,
                (System.nanoTime() - t3) / 1_000_000);
        assertTrue(browser.byId("error-banner").getText().contains("only for operator tokens"));
    }

    @Test
    @Order(7)
    void aFormPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String cookie = "console_session=" + stack.peerToken(sub).substring(7);
        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(URI.create(console + "/peer-asns"))
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "subscription=" + sub + "&name=forged&peerAsn=30001&peerName=Forged&email=a@b.example"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(refused.statusCode() == 400 || refused.statusCode() == 403, "status " + refused.statusCode());
        HttpResponse<String> forged = http.send(
                HttpRequest.newBuilder(URI.create(
                                stack.url(Stack.GATEWAY) + Api.peerAsns(sub) + "/forged?api-version=2022-10-01"))
                        .header("Authorization", stack.peerToken(sub))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, forged.statusCode(), "nothing was associated: " + forged.body());
    }

    @Test
    @Order(8)
    void theOperatorPageAndThePageLoadFigures() {
        signIn(stack.operatorToken());
        await().atMost(STEP).until(() -> browser.path().equals("/operator"));
        browser.open("/operator?peering=" + Api.peering(sub, RG, PEERING));
        assertTrue(browser.driver.getPageSource().contains("sea-v4"), "the peering's connections, for the operator");
        browser.screenshot("operator");
        browser.checkAccessibility("operator");

        List<Long> loads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            browser.open("/operator");
            Object ms = browser.script(
                    "const n = performance.getEntriesByType('navigation')[0]; return Math.round(n.loadEventEnd - n.startTime);");
            loads.add(((Number) ms).longValue());
        }
        System.out.println("CONSOLE-FIGURE page-load ms " + Percentiles.describe(loads));
        assertTrue(Percentiles.p95(loads) < 5000, "page loads " + loads);
    }
}
