package dev.peering.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code peering} command: the groups and verbs {@code az peering} users know, and {@code watch}. */
@Command(
        name = "peering",
        mixinStandardHelpOptions = true,
        // every group and verb gets --help and the exit-code footer
        scope = CommandLine.ScopeType.INHERIT,
        version = "peering 1.0.0 (Microsoft.Peering API 2022-10-01)",
        description = "Client of the peering control plane: Exchange peering with the route server.",
        footer = ExitCodes.HELP
                + "%nEnvironment: PEERING_SUBSCRIPTION, PEERING_RESOURCE_GROUP, PEERING_LOCATION, PEERING_ENDPOINT,"
                + " PEERING_ENDPOINT_BASE, PEERING_ASN_URL, PEERING_PEERING_URL, PEERING_CONNECTION_URL,"
                + " PEERING_REGISTRATION_URL, PEERING_TOKEN, PEERING_OUTPUT, PEERING_TIMEOUT, PEERING_INTERVAL,"
                + " PEERING_KAFKA_CONFIG, PEERING_KAFKA_BOOTSTRAP_SERVERS.%n"
                + "Defaults file: PEERING_CONFIG, else ~/.config/peering/config: name = value lines (subscription,"
                + " resource-group, location, endpoint, output, timeout, ...); the command line wins, then the"
                + " environment, then the file.%n",
        subcommands = {
            AsnCommands.class,
            PeeringCommands.Group.class,
            PeeringCommands.LocationGroup.class,
            ConnectionCommands.class,
            RegistrationCommands.RegisteredAsnGroup.class,
            RegisteredPrefixCommands.Group.class,
            RegistrationCommands.ServiceGroup.class,
            DlqCommands.class,
            LookingGlassCommand.class,
            WatchCommand.class,
            CompletionCommand.class
        })
public final class PeeringCli extends GroupCommand {

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        // System.console() is there when stdin and stdout are a terminal: colours for -o jsonc
        CliContext ctx =
                new CliContext(System.getenv(), out, err, in, Clock.systemUTC(), http, System.console() != null);
        System.exit(run(ctx, args));
    }

    /** Runs one command line and returns its exit code (see {@link ExitCodes}). */
    public static int run(CliContext ctx, String... args) {
        Defaults defaults = new Defaults(ctx.env());
        try {
            // read now: picocli would swallow a broken file's error and use no defaults
            defaults.file();
        } catch (CliFailure bad) {
            ctx.err().println(bad.userMessage());
            ctx.err().flush();
            return bad.exitCode();
        }
        CommandLine cli = commandLine(ctx);
        cli.setDefaultValueProvider(defaults);
        return cli.execute(args);
    }

    static CommandLine commandLine(CliContext ctx) {
        CommandLine cli = new CommandLine(PeeringCli.class, new Factory(ctx));
        cli.setOut(ctx.out());
        cli.setErr(ctx.err());
        Examples.addTo(cli);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliFailure failure) {
                ctx.err().println(failure.userMessage());
                ctx.err().flush();
                return failure.exitCode();
            }
            ctx.err().println("error: internal: " + e);
            ctx.err().flush();
            return ExitCodes.ARM_ERROR;
        });
        return cli;
    }

    /** Gives each command the context; picocli builds the rest (mixins, groups) as usual. */
    private record Factory(CliContext ctx) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> constructor = cls.getDeclaredConstructor(CliContext.class);
                constructor.setAccessible(true);
                return constructor.newInstance(ctx);
            } catch (NoSuchMethodException noContext) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
