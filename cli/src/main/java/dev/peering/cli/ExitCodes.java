package dev.peering.cli;

/** The exit codes scripts can rely on; the same table is in {@code --help} and the README (The CLI). */
public final class ExitCodes {

    public static final int OK = 0;
    /** The service answered with an ARM error; its code and message are printed. */
    public static final int ARM_ERROR = 1;
    /** The command line is wrong (or the user did not confirm a removal). */
    public static final int USAGE = 2;
    /** The service (or the Kafka broker, for watch) cannot be reached. */
    public static final int UNREACHABLE = 3;
    /** {@code --wait} saw the resource settle in a failed state. */
    public static final int WAIT_FAILED = 4;
    /** {@code --wait} gave up before the resource settled. */
    public static final int WAIT_TIMED_OUT = 5;

    static final String HELP = "%nExit codes:%n"
            + "  0  ok%n"
            + "  1  the service answered with an ARM error (its code and message are printed)%n"
            + "  2  usage error, or a removal that was not confirmed%n"
            + "  3  the service or the Kafka broker cannot be reached%n"
            + "  4  --wait ended in a failed state%n"
            + "  5  --wait timed out%n";

    private ExitCodes() {}
}
