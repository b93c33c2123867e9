package dev.peering.registration.api;

import dev.peering.core.ArmException;
import dev.peering.registration.domain.PeeringService;
import dev.peering.registration.domain.PeeringServicePrefix;
import dev.peering.registration.domain.PeeringServiceSpec;
import dev.peering.registration.domain.PrefixRules;
import dev.peering.registration.domain.PrefixSpec;
import dev.peering.registration.domain.RegisteredAsn;
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

    public static PeeringServiceSpec toSpec(PeeringServiceBody body) {
        if (body == null) {
            throw ArmException.invalidField("location", "is required.");
        }
        String location = RegistrationRules.requireText("location", body.location(), true);
        PeeringServiceBody.Properties p = body.properties();
        if (p == null) {
            throw ArmException.invalidField("properties", "is required.");
        }
        return new PeeringServiceSpec(
                location,
                RegistrationRules.requireText("properties.peeringServiceLocation", p.peeringServiceLocation(), false),
                RegistrationRules.requireText("properties.peeringServiceProvider", p.peeringServiceProvider(), true));
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
                s.location(),
                new PeeringServiceBody.Properties(
                        s.peeringServiceLocation(), s.peeringServiceProvider(), s.provisioningState()));
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
                        p.provisioningState()));
    }
}
