package dev.peering.registration.api;

import dev.peering.core.ArmException;
import dev.peering.platform.api.Page;
import dev.peering.platform.api.PageRequest;
import dev.peering.platform.api.ResourceNames;
import dev.peering.reference.PeeringServiceCatalog;
import dev.peering.registration.domain.PeeringService;
import dev.peering.registration.domain.RegistrationRules;
import dev.peering.registration.service.PeeringServices;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The lists of Peering Services (by resource group, by subscription) and the Peering Service catalog
 * (locations, providers, countries, availability), read from reference data.
 */
@Path("/subscriptions/{subscriptionId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "PeeringServices")
public class PeeringServiceListResource {

    // the paths are literals, not built from a constant: RouteTableCoversTheServicesTest reads them from this source
    @Inject
    PeeringServices service;

    @Inject
    PeeringServiceCatalog catalog;

    @GET
    @Path("/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peeringServices")
    @Operation(summary = "Lists the Peering Services of the resource group, paged with nextLink")
    public Page<PeeringServiceBody> listByResourceGroup(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @Parameter(description = "continuation token, from nextLink") @QueryParam("$skipToken") String skipToken,
            @Parameter(description = "page size, 1 to 1000 (default 100)") @QueryParam("$top") String top,
            @Context UriInfo uri) {
        ResourceNames.requireSubscription(subscriptionId);
        ResourceNames.requireResourceGroup(resourceGroup);
        PageRequest page = PageRequest.of(skipToken, top);
        return page.page(
                service.pageServices(subscriptionId, resourceGroup, page.after(), page.size() + 1),
                PeeringService::name,
                RegistrationApiMapper::toBody,
                uri);
    }

    @GET
    @Path("/providers/Microsoft.Peering/peeringServices")
    @Operation(summary = "Lists the Peering Services of the subscription, paged with nextLink")
    public Page<PeeringServiceBody> listBySubscription(
            @PathParam("subscriptionId") String subscriptionId,
            @Parameter(description = "continuation token, from nextLink") @QueryParam("$skipToken") String skipToken,
            @Parameter(description = "page size, 1 to 1000 (default 100)") @QueryParam("$top") String top,
            @Context UriInfo uri) {
        ResourceNames.requireSubscription(subscriptionId);
        PageRequest page = PageRequest.of(skipToken, top);
        return page.page(
                service.pageServices(subscriptionId, page.after(), page.size() + 1),
                PeeringService::id,
                RegistrationApiMapper::toBody,
                uri);
    }

    @GET
    @Path("/providers/Microsoft.Peering/peeringServiceLocations")
    @Operation(summary = "Lists the customer locations Peering Service is offered in (of one country with ?country=)")
    public Page<CatalogBodies.LocationBody> locations(
            @PathParam("subscriptionId") String subscriptionId,
            @Parameter(description = "the country of interest") @QueryParam("country") String country) {
        ResourceNames.requireSubscription(subscriptionId);
        if (country != null) {
            RegistrationRules.requireText("country", country, true);
        }
        return new Page<>(
                catalog.locations(country).stream()
                        .map(l -> CatalogBodies.toBody(subscriptionId, l))
                        .toList(),
                null);
    }

    @GET
    @Path("/providers/Microsoft.Peering/peeringServiceProviders")
    @Operation(summary = "Lists the Peering Service providers and the metros where they peer")
    public Page<CatalogBodies.ProviderBody> providers(@PathParam("subscriptionId") String subscriptionId) {
        ResourceNames.requireSubscription(subscriptionId);
        return new Page<>(
                catalog.providers().stream()
                        .map(p -> CatalogBodies.toBody(subscriptionId, p))
                        .toList(),
                null);
    }

    @GET
    @Path("/providers/Microsoft.Peering/peeringServiceCountries")
    @Operation(summary = "Lists the countries Peering Service is offered in")
    public Page<CatalogBodies.CountryBody> countries(@PathParam("subscriptionId") String subscriptionId) {
        ResourceNames.requireSubscription(subscriptionId);
        return new Page<>(
                catalog.countries().stream()
                        .map(c -> CatalogBodies.toCountry(subscriptionId, c))
                        .toList(),
                null);
    }

    @POST
    @Path("/providers/Microsoft.Peering/checkServiceProviderAvailability")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether the provider serves customers at the location: \"Available\" or \"Unavailable\"")
    public String checkServiceProviderAvailability(
            @PathParam("subscriptionId") String subscriptionId, CatalogBodies.AvailabilityInput input) {
        ResourceNames.requireSubscription(subscriptionId);
        if (input == null) {
            throw ArmException.invalidField("body", "is required: peeringServiceLocation and peeringServiceProvider.");
        }
        String location = RegistrationRules.requireText("peeringServiceLocation", input.peeringServiceLocation(), true);
        String provider = RegistrationRules.requireText("peeringServiceProvider", input.peeringServiceProvider(), true);
        // a JSON string, as ARM answers: "Available" with the quotes
        return catalog.available(location, provider) ? "\"Available\"" : "\"Unavailable\"";
    }
}
