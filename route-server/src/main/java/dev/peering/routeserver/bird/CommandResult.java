package dev.peering.routeserver.bird;

/** How a command ended: its exit code and what it printed (stdout and stderr together, trimmed). */
public record CommandResult(int exitCode, String output) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}
