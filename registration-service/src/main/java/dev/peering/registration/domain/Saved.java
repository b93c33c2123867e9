package dev.peering.registration.domain;

/** A resource as a PUT left it, and whether the PUT created it (201) or found or changed it (200). */
public record Saved<T>(T resource, boolean created) {}
