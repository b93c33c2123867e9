package dev.peering.events;

/** A record value that cannot be read as an event of the contracts; it belongs on a dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
