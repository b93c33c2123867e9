package dev.peering.cli;

import java.time.Duration;

/** Ends a command with the message the user should read and the exit code a script relies on. */
public final class CliFailure extends RuntimeException {

    private final int exitCode;
    private final String armCode;
    private int httpStatus;
    private Duration retryAfter;

    private CliFailure(int exitCode, String armCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.armCode = armCode;
    }

    /** The service answered with an ARM error body (or with a status and no body). */
    public static CliFailure arm(int status, String code, String message) {
        String shownCode = code != null && !code.isBlank() ? code : "HttpStatus" + status;
        String shownMessage = message != null && !message.isBlank() ? message : "the service answered HTTP " + status;
        return new CliFailure(ExitCodes.ARM_ERROR, shownCode, shownMessage, null);
    }

    public static CliFailure unreachable(String what, Throwable cause) {
        return new CliFailure(ExitCodes.UNREACHABLE, null, "cannot reach " + what, cause);
    }

    public static CliFailure usage(String message) {
        return new CliFailure(ExitCodes.USAGE, null, message, null);
    }

    public static CliFailure waitFailed(String message) {
        return new CliFailure(ExitCodes.WAIT_FAILED, null, message, null);
    }

    public static CliFailure waitTimedOut(String message) {
        return new CliFailure(ExitCodes.WAIT_TIMED_OUT, null, message, null);
    }

    /** Records the HTTP status of an ARM error, so a caller can tell "not there yet" (404) apart. */
    public CliFailure withStatus(int status) {
        this.httpStatus = status;
        return this;
    }

    /** Records the answer's {@code Retry-After}, which a retry honours. */
    public CliFailure withRetryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
        return this;
    }

    /** The answer's {@code Retry-After}, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * Whether trying again later may succeed: the service could not be reached, or answered 5xx (503
     * while its database restarts, 502/504 from the gateway while the service restarts). Never a 4xx.
     */
    public boolean isTransient() {
        return exitCode == ExitCodes.UNREACHABLE || httpStatus >= 500;
    }

    /** The HTTP status of an ARM error; 0 for other failures. */
    public int httpStatus() {
        return httpStatus;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The ARM error code, or null when the failure is not an ARM error. */
    public String armCode() {
        return armCode;
    }

    /** The line printed on stderr, e.g. {@code error InvalidRequestContent: 'properties.peerName' ...}. */
    public String userMessage() {
        return armCode != null ? "error " + armCode + ": " + getMessage() : "error: " + getMessage();
    }
}
