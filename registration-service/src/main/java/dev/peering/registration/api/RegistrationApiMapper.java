package dev.peering.registration.api;

import dev.peering.core.ArmException;
import dev.peering.core.Tags;
import dev.peering.registration.domain.PeeringService;
import dev.peering.registration.domain.PeeringServicePrefix;
import dev.peering.registration.domain.PeeringServiceSpec;
import dev.peering.registration.domain.PrefixRules;
import dev.peering.registration.domain.PrefixSpec;
import dev.peering.registration.domain.RegisteredAsn;
import dev.peering.registration.domain.RegisteredPrefix;
import dev.peering.registration.domain.RegistrationRules;

/** REST bodies as what they ask for (checked by the domain's rules), and domain records as bodies. */
public final class RegistrationApiMapper {

    private RegistrationApiMapper() {}

    /** The customer ASN a registered-ASN PUT asks for: a public one. */
    public static long toAsn(RegisteredAsnBody body) {
        if (body == null || body.properties() == null) {
            throw ArmException.invalidField("properties", "is required.");
        }
        return RegistrationRules.requirePublicAsn(body.properties().asn());
    }

    /** The prefix a registered-prefix PUT asks for, in canonical form; a 400 when it is not a prefix. */
    public static String toPrefix(RegisteredPrefixBody body) {
        if (body == null || body.properties() == null) {
            throw ArmException.invalidField("properties", "is required.");
        }
        return PrefixRules.parse(body.properties().prefix()).canonical();
    }

    public static RegisteredPrefixBody toBody(RegisteredPrefix r) {
        return new RegisteredPrefixBody(
                r.id(),
                r.name(),
                RegisteredPrefixBody.TYPE,
                new RegisteredPrefixBody.Properties(
                        r.prefix(),
                        r.prefixValidationState().name(),
                        r.peeringServicePrefixKey(),
                        r.errorMessage(),
                        r.provisioningState()));
    }

    public static PeeringServiceSpec toSpec(PeeringServiceBody body) {
        if (body == null) {
            throw ArmException.invalidField("location", "is required.");
        }
        String location = RegistrationRules.requireText("location", body.location(), true);
        PeeringServiceBody.Properties p = body.properties();
        if (p == null) {
            throw ArmException.invalidField("properties", "is required.");
        }
        String sku = body.sku() == null
                ? null
                : RegistrationRules.requireText("sku.name", body.sku().name(), false);
        return new PeeringServiceSpec(
                location,
                sku,
                Tags.of(Tags.require(body.tags())),
                RegistrationRules.requireText("properties.peeringServiceLocation", p.peeringServiceLocation(), false),
                RegistrationRules.requireText("properties.peeringServiceProvider", p.peeringServiceProvider(), true),
                RegistrationRules.requireText(
                        "properties.providerPrimaryPeeringLocation", p.providerPrimaryPeeringLocation(), false),
                RegistrationRules.requireText(
                        "properties.providerBackupPeeringLocation", p.providerBackupPeeringLocation(), false));
    }

    public static PrefixSpec toSpec(PeeringServicePrefixBody body) {
        if (body == null || body.properties() == null) {
            throw ArmException.invalidField("properties", "is required.");
        }
        return new PrefixSpec(
                PrefixRules.parse(body.properties().prefix()).canonical(),
                RegistrationRules.requirePrefixKey(body.properties().peeringServicePrefixKey()));
    }

    public static RegisteredAsnBody toBody(RegisteredAsn r) {
        return new RegisteredAsnBody(
                r.id(),
                r.name(),
                RegisteredAsnBody.TYPE,
                new RegisteredAsnBody.Properties(r.asn(), r.prefixKey(), r.provisioningState()));
    }

    public static PeeringServiceBody toBody(PeeringService s) {
        return new PeeringServiceBody(
                s.id(),
                s.name(),
                PeeringServiceBody.TYPE,
                s.skuName() == null ? null : new PeeringServiceBody.Sku(s.skuName()),
                s.location(),
                s.tags().values(),
                new PeeringServiceBody.Properties(
                        s.peeringServiceLocation(),
                        s.peeringServiceProvider(),
                        s.provisioningState(),
                        s.providerPrimaryPeeringLocation(),
                        s.providerBackupPeeringLocation()));
    }

    public static PeeringServicePrefixBody toBody(PeeringServicePrefix p) {
        return new PeeringServicePrefixBody(
                p.id(),
                p.name(),
                PeeringServicePrefixBody.TYPE,
                new PeeringServicePrefixBody.Properties(
                        p.prefix(),
                        p.prefixValidationState().name(),
                        p.learnedType(),
                        p.errorMessage(),
                        p.peeringServicePrefixKey(),
                        p.provisioningState(),
                        p.events() == null
                                ? null
                                : p.events().stream()
                                        .map(ev -> new PeeringServicePrefixBody.Event(
                                                ev.eventTimestamp(),
                                                ev.eventType(),
                                                ev.eventSummary(),
                                                ev.eventLevel(),
                                                ev.eventDescription()))
                                        .toList()));
    }
}
