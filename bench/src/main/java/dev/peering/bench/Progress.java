package dev.peering.bench;

/** The benchmark's progress lines on standard output. */
final class Progress {

    private Progress() {}

    static void say(String text) {
        System.out.println("[bench] " + text);
    }
}
