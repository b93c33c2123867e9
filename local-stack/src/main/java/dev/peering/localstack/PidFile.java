package dev.peering.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code <data-dir>/stack.pid}: one line per running process ({@code name pid where}), so that
 * {@code stop} and {@code status} can find a stack started in another terminal or in the background.
 */
final class PidFile {

    static final String LAUNCHER = "launcher";

    record Entry(String name, long pid, String where) {

        /**
         * The process, if it still runs and is still ours: a pid can be reused after a reboot, so
         * the command line must mention the stack's data folder (the launcher's mentions itself). A
         * zombie has no command line, and counts as gone.
         */
        Optional<ProcessHandle> liveProcess(Path dataDir) {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> handle.info()
                    .commandLine()
                    .map(line -> name.equals(LAUNCHER)
                            ? line.replace("-", "").toLowerCase().contains("localstack")
                            : line.contains(dataDir.toString()))
                    .orElse(false));
        }
    }

    private final Path file;
    private final List<Entry> entries = new ArrayList<>();

    PidFile(Path dataDir) {
        this.file = dataDir.resolve("stack.pid");
    }

    Path path() {
        return file;
    }

    synchronized void add(String name, long pid, String where) {
        entries.add(new Entry(name, pid, where));
        write();
    }

    synchronized void delete() {
        entries.clear();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Entry> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Entry> read = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split(" ", 3);
                if (parts.length >= 2) {
                    read.add(new Entry(parts[0], Long.parseLong(parts[1]), parts.length == 3 ? parts[2] : ""));
                }
            }
            return read;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void write() {
        StringBuilder text = new StringBuilder();
        entries.forEach(entry -> text.append(entry.name())
                .append(' ')
                .append(entry.pid())
                .append(' ')
                .append(entry.where())
                .append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
