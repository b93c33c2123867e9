package dev.peering.registration.domain;

/** What a Peering Service PUT asks for, already checked against {@link RegistrationRules}. */
public record PeeringServiceSpec(String location, String peeringServiceLocation, String peeringServiceProvider) {}
