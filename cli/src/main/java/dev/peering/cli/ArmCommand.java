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
        // a bad --output or URL is a usage error before anything is sent, not after a change is made
        format();
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
        if (format() == Output.Format.json) {
            ctx.out().print(Output.json(resource));
        } else {
            ctx.out().print(Output.table(view, List.of(resource)));
        }
        ctx.out().flush();
    }

    void printList(ArmClient.Page page, List<Column> view) {
        if (format() == Output.Format.json) {
            ctx.out().print(Output.json(page.items()));
        } else {
            ctx.out().print(Output.table(view, page.items()));
        }
        ctx.out().flush();
        if (page.more()) {
            ctx.err().println("(more results: add --all to read every page)");
            ctx.err().flush();
        }
    }

    /** A line for people (table mode only), e.g. after a delete. */
    void say(String line) {
        if (format() == Output.Format.table) {
            ctx.out().println(line);
            ctx.out().flush();
        }
    }

    /** Prints the resource, or follows it with --wait until it settles and prints it then. */
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
        Waiter.Result result = new Waiter(ctx.clock(), d -> Thread.sleep(d.toMillis()), ctx.err())
                .await(what, poll, settle, wait.timeout(), wait.interval());
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

        @Option(
                names = "--wait",
                description = "Follow the resource until it reaches its next settled state, with progress on stderr.")
        boolean wait;

        @Option(
                names = "--timeout",
                paramLabel = "DURATION",
                defaultValue = "10m",
                description = "How long --wait follows (30, 90s, 10m, 2h; default ${DEFAULT-VALUE}).")
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
