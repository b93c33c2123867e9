package dev.peering.localstack;

import dev.peering.tokens.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./stack token}: prints a bearer token signed with the stack's key, for curl, the CLI and
 * scripts. The key never leaves the data folder; only tokens do.
 */
final class TokenCommand {

    static final String USAGE =
            """
            Usage: ./stack token --subscriptions S1[,S2...] [--role peer|operator] [--hours N] [--user NAME]
              prints a bearer token for the local stack (peer by default, valid 8 hours).
              The operator acts on every subscription; --subscriptions may then be left out.
            """;

    private TokenCommand() {}

    /**
     * {@code keys}: makes the stack's signing key pair in {@code keyDir} unless it is there already (what
     * {@code ./stack up} does at its start; docker-compose's {@code keys} service runs it before the
     * services start, on the volume they read the public key from).
     */
    static int keys(Path keyDir) {
        try {
            boolean existed = Files.exists(keyDir.resolve(Tokens.PUBLIC_KEY_FILE));
            Tokens.keyPairIn(keyDir);
            System.out.println((existed ? "Kept the key pair in " : "Made a key pair in ") + keyDir + " (public key "
                    + keyDir.resolve(Tokens.PUBLIC_KEY_FILE) + ")");
            return 0;
        } catch (IOException e) {
            System.err.println("Cannot make the key pair in " + keyDir + ": " + e.getMessage());
            return 1;
        }
    }

    static int run(Path dataDir, List<String> args) {
        List<String> subscriptions = List.of();
        String role = Tokens.PEER;
        long hours = 8;
        String user = System.getProperty("user.name", "local-user");
        try {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--subscriptions" -> subscriptions = Arrays.stream(
                                    value(args, ++i, arg).split(","))
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .toList();
                    case "--role" -> role = value(args, ++i, arg);
                    case "--hours" -> hours = Long.parseLong(value(args, ++i, arg));
                    case "--user" -> user = value(args, ++i, arg);
                    case "-h", "--help" -> {
                        System.out.print(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("Unknown option: " + arg);
                }
            }
            if (!role.equals(Tokens.PEER) && !role.equals(Tokens.OPERATOR)) {
                throw new IllegalArgumentException("--role is peer or operator, not '" + role + "'");
            }
            if (role.equals(Tokens.PEER) && subscriptions.isEmpty()) {
                throw new IllegalArgumentException("a peer token needs --subscriptions");
            }
            if (hours < 1 || hours > 24 * 30) {
                throw new IllegalArgumentException("--hours is from 1 to 720");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            return 2;
        }
        Path keys = dataDir.resolve("keys");
        if (!Files.exists(keys.resolve(Tokens.PRIVATE_KEY_FILE))) {
            System.err.println("No signing key in " + keys + ": start the stack once (./stack up) to make it.");
            return 1;
        }
        try {
            System.out.println(Tokens.mint(
                    Tokens.readPrivateKey(keys.resolve(Tokens.PRIVATE_KEY_FILE)),
                    user,
                    subscriptions,
                    role,
                    Duration.ofHours(hours)));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}
