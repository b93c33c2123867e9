package dev.peering.platform.tracing;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether spans are recorded and exported (ADR 0015). Off by default: every span is dropped at its start, so
 * nothing is recorded, nothing is sent and nothing tries to reach a collector, while trace ids are still made
 * and carried to logs, rows and events. {@code peering.tracing.export=true} records every span whose parent
 * does not say otherwise and sends it over OTLP ({@code quarkus.otel.exporter.otlp.endpoint}, by default
 * {@code http://localhost:4317}). Quarkus takes a {@link Sampler} bean over its configured sampler.
 */
@Singleton
public class TraceSampling {

    @Produces
    @Singleton
    Sampler sampler(@ConfigProperty(name = "peering.tracing.export", defaultValue = "false") boolean export) {
        return export ? Sampler.parentBased(Sampler.alwaysOn()) : Sampler.alwaysOff();
    }
}
