package dev.peering.bench;

import static dev.peering.bench.Progress.say;

import dev.peering.faultsuite.drive.Arm;
import dev.peering.localinfra.PostgresServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * The benchmark's REST runs: GET, list and PUT on the few resources the workflows made, then GET and list with
 * 1k to 100k peerings stored; each at a fixed rate for {@code --rest-duration}, then a wait until the service
 * answers fast again. Keeps what each run measured, in order, for the summary.
 */
final class RestRuns {

    private final BenchOptions options;
    private final Report report;
    private final Arm arm;
    private final Onboarding.Urls urls;
    private final List<RestProbe.Result> results = new ArrayList<>();
    private final Map<String, Integer> levels = new LinkedHashMap<>();
    private int smallStored;

    RestRuns(BenchOptions options, Report report, Arm arm, Onboarding.Urls urls) {
        this.options = options;
        this.report = report;
        this.arm = arm;
        this.urls = urls;
    }

    /** Each run's result, in the order they ran. */
    List<RestProbe.Result> results() {
        return results;
    }

    /** How many peerings were stored during each run, keyed {@code name@stored#n} in the order they ran. */
    Map<String, Integer> levels() {
        return levels;
    }

    /** How many resources the workflows had made when the runs on them started. */
    int smallStored() {
        return smallStored;
    }

    /** GET, list and PUT on the few resources the workflows made. */
    void small(List<Onboarding> created, String runId) throws InterruptedException {
        Onboarding first = created.get(0);
        String get = urls.peering() + first.peeringPath();
        String list =
                urls.peering() + "/subscriptions/" + first.subscription() + "/providers/Microsoft.Peering/peerings";
        int stored = created.size();
        smallStored = stored;
        probe("GET peering", stored, options.getRate(), i -> new RestProbe.Request("GET", get, null));
        probe("list peerings", stored, options.getRate(), i -> new RestProbe.Request("GET", list, null));
        String putBase = urls.asn() + "/subscriptions/bench-put-" + runId + "/providers/Microsoft.Peering/peerAsns/put";
        probe(
                "PUT PeerAsn (create)",
                stored,
                options.putRate(),
                i -> new RestProbe.Request(
                        "PUT",
                        putBase + (i < 0 ? "w" + (-i) : String.valueOf(i)),
                        "{\"properties\":{\"peerAsn\":" + (i < 0 ? 3_500_000L - i : 3_000_000L + i)
                                + ",\"peerName\":\"Bench Put\","
                                + "\"peerContactDetail\":[{\"role\":\"Noc\",\"email\":\"noc@example.com\"}]}}"));
    }

    /** GET and list with 1k, 10k, 100k peerings stored (seeded with SQL into peering-service's database). */
    void seeded() throws Exception {
        if (options.peeringLevels().isEmpty()) {
            return;
        }
        Seeder seeder = new Seeder(options.jdbcUrl("peering"), PostgresServer.USER, PostgresServer.PASSWORD);
        for (int level : options.peeringLevels()) {
            double seconds = seeder.seedTo(level);
            say("seeded " + level + " peerings (SQL) in " + Report.number(seconds) + " s");
            report.put("seed" + level + "Seconds", seconds);
            SplittableRandom random = new SplittableRandom(level);
            int subscriptions = Math.max(1, level / Seeder.PER_SUBSCRIPTION);
            probe(
                    "GET peering",
                    level,
                    options.getRate(),
                    i -> new RestProbe.Request(
                            "GET", urls.peering() + Seeder.peeringPath(random.nextInt(level)), null));
            probe(
                    "list peerings",
                    level,
                    options.getRate(),
                    i -> new RestProbe.Request(
                            "GET",
                            urls.peering() + "/subscriptions/"
                                    + Seeder.subscription(random.nextInt(subscriptions) * Seeder.PER_SUBSCRIPTION)
                                    + "/providers/Microsoft.Peering/peerings",
                            null));
        }
    }

    private void probe(String name, int stored, int rate, LongFunction<RestProbe.Request> request)
            throws InterruptedException {
        if (rate <= 0) {
            return;
        }
        RestProbe.Result result = RestProbe.run(name, arm, rate, options.restDuration(), request);
        settle(request.apply(0));
        results.add(result);
        levels.put(name + "@" + stored + "#" + results.size(), stored);
        say(String.format(
                "%s, %d stored, %d/s: %d sent, %d 2xx, p50 %s ms, p99 %s ms",
                name,
                stored,
                rate,
                result.sent(),
                result.ok(),
                Report.number(result.latency().p50()),
                Report.number(result.latency().p99())));
    }

    /**
     * Waits (at most 3 minutes) until one request answers within 100 ms twice in a row, so the backlog an
     * overloaded run leaves behind does not count against the next one.
     */
    private void settle(RestProbe.Request request) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        int fast = 0;
        while (fast < 2 && System.nanoTime() < deadline) {
            long t = System.nanoTime();
            arm.once("GET", request.url(), null);
            fast = System.nanoTime() - t < TimeUnit.MILLISECONDS.toNanos(100) ? fast + 1 : 0;
            if (fast < 2) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }
}
