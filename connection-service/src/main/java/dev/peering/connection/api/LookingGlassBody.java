package dev.peering.connection.api;

/** {@code LookingGlassOutput} of the ARM API: the command invoked and its output. */
public record LookingGlassBody(String command, String output) {}
