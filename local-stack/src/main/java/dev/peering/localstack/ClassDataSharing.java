package dev.peering.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Faster service starts with the JVM's dynamic class data sharing (AppCDS, JDK 13+): the first run of a
 * service's build records the classes it loaded into an archive when the service stops
 * ({@code -XX:ArchiveClassesAtExit}), and later runs map that archive instead of loading and verifying the
 * classes again ({@code -XX:SharedArchiveFile}). Measured on the 2-core machine: a service ready in 3.5 s
 * instead of 6.3-7.7 s, with 4.2 instead of 7.0 CPU seconds (README, "Start time and memory").
 *
 * <p>The archive lives beside the service's jar ({@code target/quarkus-app/stack-cds-<java version>.jsa}),
 * so a wiped data folder keeps it and a new build makes it stale: an archive older than any file of the
 * build is not used, and the next graceful stop records a new one. Each recording goes to a file of its own
 * and replaces the archive only when its process ended normally, so a killed service or two stacks of one
 * build at once never leave a half-written archive behind. An archive the JVM cannot use (another JDK,
 * other options) costs nothing: the JVM says so in the service's log and loads the classes as usual.
 */
final class ClassDataSharing {

    /** Exit codes of a JVM that ended on its own or on SIGTERM/SIGINT, and so wrote its archive. */
    private static final Set<Integer> GRACEFUL = Set.of(0, 130, 143);

    private final boolean enabled;
    private final String archiveName;
    private final List<Recording> recordings = new ArrayList<>();

    ClassDataSharing(boolean enabled) {
        this(enabled, "stack-cds-" + Runtime.version().toString().replaceAll("[^A-Za-z0-9.]", "_") + ".jsa");
    }

    ClassDataSharing(boolean enabled, String archiveName) {
        this.enabled = enabled;
        this.archiveName = archiveName;
    }

    /** What one process of {@code runnerJar} gets: the JVM options, and what to say about them. */
    record Launch(List<String> javaOptions, String mode, Path recording) {}

    private record Recording(Path recording, Path archive, Process process) {}

    /**
     * The options for one more process of {@code runnerJar}: use its archive when it is fresh, else record
     * one (only the first process of a build in this launcher records; the others run without).
     */
    synchronized Launch prepare(Path runnerJar) {
        if (!enabled) {
            return new Launch(List.of(), "off", null);
        }
        Path archive = runnerJar.resolveSibling(archiveName);
        if (fresh(archive, runnerJar.getParent())) {
            return new Launch(List.of("-XX:SharedArchiveFile=" + archive), "uses its archive", null);
        }
        boolean recording = recordings.stream().anyMatch(r -> r.archive().equals(archive));
        if (recording) {
            return new Launch(List.of(), "no archive yet", null);
        }
        Path into = runnerJar.resolveSibling(
                archiveName + "." + ProcessHandle.current().pid() + ".recording");
        recordings.add(new Recording(into, archive, null));
        return new Launch(List.of("-XX:ArchiveClassesAtExit=" + into), "records an archive when it stops", into);
    }

    /** Tells which process runs with the recording that {@code launch} asked for. */
    synchronized void started(Launch launch, Process process) {
        for (int i = 0; i < recordings.size(); i++) {
            Recording r = recordings.get(i);
            if (r.process() == null && r.recording().equals(launch.recording())) {
                recordings.set(i, new Recording(r.recording(), r.archive(), process));
            }
        }
    }

    /**
     * After the services have stopped: each recording of a process that ended gracefully becomes its
     * build's archive; any other is removed.
     */
    synchronized void settle() {
        for (Recording r : recordings) {
            try {
                if (r.process() != null
                        && !r.process().isAlive()
                        && GRACEFUL.contains(r.process().exitValue())
                        && Files.size(r.recording()) > 0) {
                    Files.move(
                            r.recording(),
                            r.archive(),
                            StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(r.recording());
                }
            } catch (IOException e) {
                // No archive this time (the process wrote none, or the move failed): the next stop records again.
                try {
                    Files.deleteIfExists(r.recording());
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
        recordings.clear();
    }

    /** Whether the archive exists and is newer than every other file of the build it was recorded from. */
    static boolean fresh(Path archive, Path build) {
        if (!Files.isRegularFile(archive)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(build)) {
            FileTime recorded = Files.getLastModifiedTime(archive);
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().contains(".jsa"))
                    .allMatch(file -> modified(file).compareTo(recorded) < 0);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
