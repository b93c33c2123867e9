package dev.peering.console.service;

/** The APIs did not answer (connection refused, timeout): the page says so in a banner, never with a trace. */
public class ServiceUnavailable extends RuntimeException {

    public ServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
