package dev.peering.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Default values of the options a user sets once: the command line wins, then the environment variable
 * ({@code PEERING_} and the option's name, e.g. {@code PEERING_RESOURCE_GROUP}), then the config file,
 * then the built-in default. Only the settings listed in {@link #SETTINGS} are read this way; a name, a
 * {@code --yes} or a token never comes from a file.
 *
 * <p>The file is {@code $PEERING_CONFIG}, else {@code $XDG_CONFIG_HOME/peering/config}, else
 * {@code ~/.config/peering/config}: one {@code name = value} a line, {@code #} starts a comment line.
 */
final class Defaults implements IDefaultValueProvider {

    static final String CONFIG_ENV = "PEERING_CONFIG";

    /** The settings a file may hold, each the long name of the option it sets, with what it is for. */
    static final Map<String, String> SETTINGS = settings();

    private static Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("subscription", "--subscription");
        s.put("resource-group", "--resource-group");
        s.put("location", "--location (Azure region of a new peering or Peering Service)");
        s.put("endpoint", "--endpoint (the gateway)");
        s.put("endpoint-base", "--endpoint-base");
        s.put("asn-url", "--asn-url");
        s.put("peering-url", "--peering-url");
        s.put("connection-url", "--connection-url");
        s.put("registration-url", "--registration-url");
        s.put("output", "--output");
        s.put("timeout", "--timeout of --wait");
        s.put("interval", "--interval of --wait");
        s.put("kafka-config", "--kafka-config of watch");
        return java.util.Collections.unmodifiableMap(s);
    }

    /** Options of {@code watch} that filter what it shows: a default subscription must not hide events. */
    private static final List<String> WATCH_SETTINGS = List.of("kafka-config");

    private final Map<String, String> env;
    private Map<String, String> file;

    Defaults(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option)) {
            return null;
        }
        String name = option.longestName().replaceFirst("^-+", "");
        if (!SETTINGS.containsKey(name)) {
            return null;
        }
        if (option.command() != null && "watch".equals(option.command().name()) && !WATCH_SETTINGS.contains(name)) {
            return null;
        }
        String fromEnv = env.get(envName(name));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return file().get(name);
    }

    static String envName(String setting) {
        return "PEERING_" + setting.toUpperCase().replace('-', '_');
    }

    /** The config file's settings (read once, on first need); empty when there is no file. */
    Map<String, String> file() {
        if (file == null) {
            file = read(
                    path(env),
                    env.get(CONFIG_ENV) != null && !env.get(CONFIG_ENV).isBlank());
        }
        return file;
    }

    /** Where the config file is, or null when no variable says where a home is. */
    static Path path(Map<String, String> env) {
        String explicit = env.get(CONFIG_ENV);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "peering", "config");
        }
        String home = env.get("HOME");
        return home == null || home.isBlank() ? null : Path.of(home, ".config", "peering", "config");
    }

    /**
     * @param mustExist whether a missing file is an error (PEERING_CONFIG names it) or means no defaults
     * @throws CliFailure a usage error naming the file and line of anything it cannot read
     */
    static Map<String, String> read(Path path, boolean mustExist) {
        if (path == null) {
            return Map.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (NoSuchFileException e) {
            if (mustExist) {
                throw CliFailure.usage(CONFIG_ENV + " names " + path + ", which does not exist");
            }
            return Map.of();
        } catch (IOException e) {
            throw CliFailure.usage("cannot read the config file " + path + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String where = path + " line " + (i + 1);
            if (eq < 1) {
                throw CliFailure.usage(where + ": expected name = value, e.g. subscription = contoso-sub-01");
            }
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (!SETTINGS.containsKey(name)) {
                throw CliFailure.usage(where + ": unknown setting '" + name + "'; known: "
                        + String.join(", ", SETTINGS.keySet().stream().sorted().toList()));
            }
            if (!value.isEmpty()) {
                values.put(name, value);
            }
        }
        return values;
    }
}
