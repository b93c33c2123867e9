package dev.peering.localstack;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Instance {@code number} (from 1) of a service: instance 1 has the service's name and port, instance
 * {@code n > 1} is named {@code <module>-n} and listens 100 ports higher per instance (peering-service-2 on
 * 8182). All instances of a service share its database and its consumer groups.
 */
record ServiceInstance(ServiceSpec spec, int number) {

    /** Each instance a stack of {@code instances} per service runs of {@code spec}. */
    static List<ServiceInstance> of(ServiceSpec spec, int instances) {
        return IntStream.rangeClosed(1, instances)
                .mapToObj(n -> new ServiceInstance(spec, n))
                .toList();
    }

    String name() {
        return number == 1 ? spec.module() : spec.module() + "-" + number;
    }

    int port(StackOptions options) {
        return options.port(spec.module()) + 100 * (number - 1);
    }

    String url(StackOptions options) {
        return "http://localhost:" + port(options);
    }
}
