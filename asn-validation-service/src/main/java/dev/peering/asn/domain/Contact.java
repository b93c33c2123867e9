package dev.peering.asn.domain;

public record Contact(ContactRole role, String email, String phone) {}
