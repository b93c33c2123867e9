package dev.peering.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** What every verb that calls a service shares: global options, one client per command, output. */
abstract class ArmCommand implements Callable<Integer> {

    static final String PROVIDER = "/providers/Microsoft.Peering";

    @ArgGroup(validate = false, heading = "%nGlobal options:%n")
    GlobalOptions global = new GlobalOptions();

    final CliContext ctx;
    private ArmClient client;

    ArmCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public final Integer call() {
        // a bad --output, --query or URL is a usage error before anything is sent, not after a change is made
        format();
        query();
        endpoints();
        run();
        return ExitCodes.OK;
    }

    abstract void run();

    String subscription() {
        String sub = global.subscription != null ? global.subscription : ctx.env("PEERING_SUBSCRIPTION");
        if (sub == null || sub.isBlank()) {
            throw CliFailure.usage("no subscription: pass --subscription or set PEERING_SUBSCRIPTION");
        }
        return sub;
    }

    String subscriptionPath() {
        return "/subscriptions/" + seg(subscription());
    }

    String resourceGroupPath(String resourceGroup) {
        return subscriptionPath() + "/resourceGroups/" + seg(resourceGroup);
    }

    /**
     * One path segment as the user typed it, percent-encoded: a name with a space or a slash reaches
     * the service (which says what a valid name is) instead of breaking the URL here.
     */
    static String seg(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Endpoints endpoints() {
        return Endpoints.resolve(global, ctx::env);
    }

    Output.Format format() {
        return Output.Format.parse(global.output != null ? global.output : ctx.env("PEERING_OUTPUT"));
    }

    /** The compiled {@code --query}, or null. */
    Query query() {
        return global.query == null ? null : Query.compile(global.query);
    }

    ArmClient client() {
        if (client == null) {
            String token = global.token != null ? global.token : ctx.env("PEERING_TOKEN");
            String correlationId = global.correlationId != null
                    ? global.correlationId
                    : UUID.randomUUID().toString();
            client = new ArmClient(ctx.http(), token, correlationId, global.verbose ? ctx.err() : null);
            if (global.verbose) {
                ctx.err().println("correlation id: " + correlationId);
            }
        }
        return client;
    }

    void print(JsonNode resource, List<Column> view) {
        emit(resource, view);
    }

    void printList(ArmClient.Page page, List<Column> view) {
        emit(Output.array(page.items()), view);
        if (page.more()) {
            ctx.err().println("(more results: add --all to read every page)");
            ctx.err().flush();
        }
    }

    /** Whether the output is the plain table of the command's columns (no other format, no query). */
    boolean plainTable() {
        return format() == Output.Format.table && global.query == null;
    }

    /** A resource or the array of a list's items, through --query, in the --output format. */
    private void emit(JsonNode data, List<Column> view) {
        Query query = query();
        JsonNode shown = query == null ? data : query.apply(data);
        if (query != null && shown.isNull()) {
            // az prints nothing when the query selects nothing
            return;
        }
        ctx.out().print(Output.render(format(), shown, view, query != null, ctx.colour()));
        ctx.out().flush();
    }

    /** A line for people (table mode only), e.g. after a delete. */
    void say(String line) {
        if (format() == Output.Format.table) {
            ctx.out().println(line);
            ctx.out().flush();
        }
    }

    /** Prints the resource just written, or follows it with --wait until it settles and prints it then. */
    void printOrWait(
            JsonNode written,
            List<Column> view,
            WaitOptions wait,
            String what,
            Supplier<JsonNode> poll,
            Function<JsonNode, Settlement> settle) {
        printOrWait(written, node -> print(node, view), wait, what, poll, settle);
    }

    void printOrWait(
            JsonNode written,
            Consumer<JsonNode> printer,
            WaitOptions wait,
            String what,
            Supplier<JsonNode> poll,
            Function<JsonNode, Settlement> settle) {
        if (wait == null || !wait.wait) {
            printer.accept(written);
            return;
        }
        follow(printer, wait, what, poll, settle, true);
    }

    /**
     * A show verb: prints what it reads, or with --wait follows it from the first read on, so a
     * service restarting at that moment does not end the wait either. A name that does not exist is
     * still an error at once.
     */
    void showOrWait(
            Consumer<JsonNode> printer,
            WaitOptions wait,
            String what,
            Supplier<JsonNode> poll,
            Function<JsonNode, Settlement> settle) {
        if (wait == null || !wait.wait) {
            printer.accept(poll.get());
            return;
        }
        follow(printer, wait, what, poll, settle, false);
    }

    private void follow(
            Consumer<JsonNode> printer,
            WaitOptions wait,
            String what,
            Supplier<JsonNode> poll,
            Function<JsonNode, Settlement> settle,
            boolean notFoundIsPending) {
        Waiter.Result result = new Waiter(ctx.clock(), d -> Thread.sleep(d.toMillis()), ctx.err())
                .await(what, poll, settle, wait.timeout(), wait.interval(), notFoundIsPending);
        printer.accept(result.resource());
        if (result.failed()) {
            throw Waiter.failure(what, result);
        }
    }

    /** {@code --body} as given: a JSON text, or {@code @file}. */
    static JsonNode body(String bodyOption) {
        String text = bodyOption;
        if (bodyOption.startsWith("@")) {
            try {
                text = Files.readString(Path.of(bodyOption.substring(1)));
            } catch (IOException e) {
                throw CliFailure.usage("--body: cannot read " + bodyOption.substring(1) + ": " + e.getMessage());
            }
        }
        try {
            JsonNode node = ArmClient.JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw CliFailure.usage("--body is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw CliFailure.usage("--body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** {@code --wait}, {@code --timeout}, {@code --interval} of the verbs that change a resource. */
    static class WaitOptions {

        static final String DEFAULT_TIMEOUT = "13h";

        @Option(
                names = "--wait",
                description = "Follow the resource until it reaches its next settled state, with progress on stderr;"
                        + " an unreachable service or a 5xx answer is retried with backoff until --timeout.")
        boolean wait;

        @Option(
                names = "--timeout",
                paramLabel = "DURATION",
                defaultValue = WaitOptions.DEFAULT_TIMEOUT,
                description = "How long --wait follows (90s, 10m, 1h30m, 2d; default ${DEFAULT-VALUE}; built in: 13h,"
                        + " longer than the 12 h a PeerAsn may wait for approval in production; env PEERING_TIMEOUT).")
        String timeout;

        @Option(
                names = "--interval",
                paramLabel = "DURATION",
                defaultValue = "2s",
                description = "How often --wait polls (default ${DEFAULT-VALUE}).")
        String interval;

        Duration timeout() {
            return Durations.parse("--timeout", timeout);
        }

        Duration interval() {
            Duration d = Durations.parse("--interval", interval);
            return d.isZero() ? Duration.ofMillis(100) : d;
        }
    }
}
