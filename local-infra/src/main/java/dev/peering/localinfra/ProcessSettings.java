package dev.peering.localinfra;

import java.nio.file.Path;

/**
 * How a {@link ChildProcess} is started, beyond its command line and environment.
 *
 * @param workDir the working folder of the process; {@code null} for this JVM's own
 * @param ownSession run the process in a session of its own ({@code setsid}, where the machine has it), so
 *     that Ctrl-C in the terminal reaches only the launcher, which then stops its children in order instead
 *     of all at once. setsid execs in place, so the pid is still the child's own.
 * @param startBanner when not {@code null}, each start appends {@code ==== <startBanner>: starting <name>}
 *     to the log first, so that a log written by several runs of one process tells them apart
 */
public record ProcessSettings(Path workDir, boolean ownSession, String startBanner) {

    /** This JVM's working folder, no session of its own, no banner. */
    public static ProcessSettings defaults() {
        return new ProcessSettings(null, false, null);
    }

    public ProcessSettings withWorkDir(Path dir) {
        return new ProcessSettings(dir, ownSession, startBanner);
    }

    public ProcessSettings withOwnSession(boolean own) {
        return new ProcessSettings(workDir, own, startBanner);
    }

    public ProcessSettings withStartBanner(String banner) {
        return new ProcessSettings(workDir, ownSession, banner);
    }
}
