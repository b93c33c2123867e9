package dev.peering.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.localinfra.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive's life: recorded by the first graceful stop of a build, used while it is newer than every
 * file of the build, never left half-written by a process that did not end gracefully. The JVM options are
 * checked on a real JVM: a recording process writes an archive the next JVM maps.
 */
class ClassDataSharingTest {

    @TempDir
    Path build;

    private Path jar() throws IOException {
        Path jar = Files.writeString(build.resolve("quarkus-run.jar"), "not a real jar");
        Files.createDirectories(build.resolve("lib"));
        Files.writeString(build.resolve("lib/dependency.jar"), "x");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        Files.setLastModifiedTime(
                build.resolve("lib/dependency.jar"), FileTime.from(Instant.now().minusSeconds(60)));
        return jar;
    }

    @Test
    void theFirstProcessOfABuildRecordsAndOnlyAGracefulEndMakesTheArchive() throws Exception {
        Path jar = jar();
        ClassDataSharing sharing = new ClassDataSharing(true, "test.jsa");

        ClassDataSharing.Launch first = sharing.prepare(jar);
        ClassDataSharing.Launch second = sharing.prepare(jar);
        assertEquals("records an archive when it stops", first.mode());
        assertTrue(first.javaOptions().get(0).startsWith("-XX:ArchiveClassesAtExit="), first.javaOptions()::toString);
        assertEquals(List.of(), second.javaOptions(), "a second instance of the same build records nothing");

        // A real JVM records while it runs and writes the archive when it ends normally.
        Process recorder = java(first.javaOptions());
        sharing.started(first, recorder);
        assertTrue(recorder.waitFor(60, TimeUnit.SECONDS));
        sharing.settle();
        Path archive = build.resolve("test.jsa");
        assertTrue(Files.size(archive) > 0, "the graceful end made the archive");
        assertTrue(ClassDataSharing.fresh(archive, build));

        ClassDataSharing.Launch later = new ClassDataSharing(true, "test.jsa").prepare(jar);
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive), later.javaOptions());
        Process user = java(new ArrayList<>(List.of("-Xshare:on")) {
            {
                addAll(later.javaOptions());
            }
        });
        assertTrue(user.waitFor(60, TimeUnit.SECONDS));
        assertEquals(
                0, user.exitValue(), "a JVM with -Xshare:on maps the archive (it would refuse to start otherwise)");
    }

    @Test
    void aKilledRecorderLeavesNoArchive() throws Exception {
        Path jar = jar();
        ClassDataSharing sharing = new ClassDataSharing(true, "test.jsa");
        ClassDataSharing.Launch launch = sharing.prepare(jar);
        // What a recorder killed while it wrote leaves: part of an archive.
        Files.writeString(launch.recording(), "half an archive");
        Process killed = new ProcessBuilder("sleep", "60").start();
        sharing.started(launch, killed);
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        sharing.settle();
        try (var files = Files.list(build)) {
            assertFalse(
                    files.anyMatch(f -> f.getFileName().toString().startsWith("test.jsa")),
                    "no archive and no recording left");
        }
    }

    @Test
    void aNewBuildMakesTheArchiveStaleAndOffMeansNeither() throws Exception {
        Path jar = jar();
        Path archive = Files.writeString(build.resolve("test.jsa"), "archive");
        assertTrue(ClassDataSharing.fresh(archive, build));
        Files.setLastModifiedTime(
                build.resolve("lib/dependency.jar"), FileTime.from(Instant.now().plusSeconds(5)));
        assertFalse(ClassDataSharing.fresh(archive, build), "a file of the build newer than the archive");
        assertEquals(
                "records an archive when it stops",
                new ClassDataSharing(true, "test.jsa").prepare(jar).mode());
        assertEquals(
                List.of(), new ClassDataSharing(false, "test.jsa").prepare(jar).javaOptions());
    }

    private static Process java(List<String> options) throws IOException {
        return new ProcessBuilder(command(options, "-version"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static List<String> command(List<String> options, String... rest) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.java());
        command.addAll(options);
        command.addAll(List.of(rest));
        return command;
    }
}
