package dev.peering.routeserver.bird;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * Puts a generated configuration in place on a running BIRD: the text goes to a temporary file beside the
 * live one, {@code bird -p} checks it, a rename puts it in place in one step, and {@code birdc configure}
 * makes the router read it. BIRD then restarts only the protocols whose configuration changed, so adding or
 * removing one session leaves the others up. A text BIRD refuses never reaches the live file.
 *
 * <p>The live file must be the one the router was started with ({@code bird -c}). It holds the sessions'
 * MD5 keys, so it is readable by its owner and group only (BIRD's group on Debian).
 */
public final class BirdConfigApplier {

    /** The replies of {@code configure} that mean the router took the file (BIRD's cmd_reconfig_msg). */
    private static final Pattern TAKEN = Pattern.compile(
            "(?m)^(Reconfigured|Reconfiguration in progress|Reconfiguration already in progress, queueing new config"
                    + "|Nothing to do)$");

    private static final String UNREACHABLE = "Unable to connect to server control socket";

    private final Path liveConfig;
    private final Path controlSocket;
    private final BirdCommands commands;

    public BirdConfigApplier(Path liveConfig, Path controlSocket, BirdCommands commands) {
        this.liveConfig = liveConfig.toAbsolutePath();
        this.controlSocket = controlSocket;
        this.commands = commands;
    }

    public Path liveConfig() {
        return liveConfig;
    }

    /** Checks, writes and applies {@code text}; one apply at a time per live file. */
    public synchronized ApplyResult apply(String text) {
        try {
            String previous = Files.exists(liveConfig) ? Files.readString(liveConfig, StandardCharsets.UTF_8) : null;
            if (text.equals(previous)) {
                return new ApplyResult(ApplyResult.Outcome.UNCHANGED, "the live configuration already holds this text");
            }
            Path candidate = writeBeside(text);
            CommandResult check = commands.check(candidate);
            if (!check.succeeded()) {
                Files.deleteIfExists(candidate);
                return new ApplyResult(ApplyResult.Outcome.REJECTED, check.output());
            }
            Files.move(candidate, liveConfig, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            CommandResult configure = commands.configure(controlSocket);
            if (configure.succeeded() && TAKEN.matcher(configure.output()).find()) {
                return new ApplyResult(ApplyResult.Outcome.APPLIED, configure.output());
            }
            if (configure.output().contains(UNREACHABLE)) {
                return new ApplyResult(ApplyResult.Outcome.ROUTER_UNREACHABLE, configure.output());
            }
            // The router runs its previous configuration: put its file back, so file and router agree.
            if (previous != null) {
                Files.move(
                        writeBeside(previous),
                        liveConfig,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            return new ApplyResult(ApplyResult.Outcome.REFUSED_BY_ROUTER, configure.output());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + liveConfig, e);
        }
    }

    /** A new file in the live file's directory (so the rename is atomic), owner and group only. */
    private Path writeBeside(String text) throws IOException {
        Path dir = liveConfig.getParent();
        String prefix = "." + liveConfig.getFileName() + ".";
        Path candidate = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dir, prefix, ".tmp", ownerAndGroupRead())
                : Files.createTempFile(dir, prefix, ".tmp");
        Files.writeString(candidate, text, StandardCharsets.UTF_8);
        return candidate;
    }

    private static FileAttribute<?> ownerAndGroupRead() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----"));
    }
}
