package dev.peering.platform.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Declares in each service's OpenAPI document what every ARM operation demands but no resource method
 * names: the {@code api-version} query parameter ({@link ApiVersionFilter}) and a bearer JWT, so that
 * Swagger UI's "Try it out" sends both. The gateway's merged document declares the same.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ArmOpenApiFilter implements OASFilter {

    public static final String BEARER = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> {
                if (path.startsWith("/subscriptions/") || path.startsWith("/providers/")) {
                    item.getOperations().values().forEach(ArmOpenApiFilter::declareApiVersion);
                }
            });
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addSecurityScheme(
                        BEARER,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("A bearer JWT; on the local stack: ./stack token --subscriptions <sub>"
                                        + " [--role operator]"));
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER)));
    }

    private static void declareApiVersion(Operation operation) {
        boolean declared = operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> "api-version".equals(p.getName()) && p.getIn() == Parameter.In.QUERY);
        if (!declared) {
            operation.addParameter(OASFactory.createParameter()
                    .name("api-version")
                    .in(Parameter.In.QUERY)
                    .required(true)
                    .description("The ARM API version; this API speaks " + ApiVersionFilter.API_VERSION + " only.")
                    .schema(OASFactory.createSchema()
                            .addType(Schema.SchemaType.STRING)
                            .defaultValue(ApiVersionFilter.API_VERSION)
                            .addEnumeration(ApiVersionFilter.API_VERSION)));
        }
    }
}
