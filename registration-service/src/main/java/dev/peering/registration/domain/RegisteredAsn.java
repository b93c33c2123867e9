package dev.peering.registration.domain;

/** A customer ASN registered under a peering, as its provider reads it: with its Prefix Key. */
public record RegisteredAsn(String id, String name, long asn, String prefixKey, String provisioningState) {

    @Override
    public String toString() {
        // the Prefix Key stays out of every log line
        return "RegisteredAsn[" + id + ", asn=" + asn + "]";
    }
}
