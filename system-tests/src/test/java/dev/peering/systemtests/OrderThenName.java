package dev.peering.systemtests;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Order;

/**
 * The system tests' class order: by {@link Order} (a class without it counts {@link Order#DEFAULT}), then by name,
 * as Quarkus's default orderer put them before (the first class pays for the shared stack's start).
 * {@code RouteServerStoryIT} carries {@code @Order(Integer.MAX_VALUE)}: it runs last and stops the shared stack
 * before it starts a stack of its own.
 */
public final class OrderThenName implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors()
                .sort(Comparator.<ClassDescriptor>comparingInt(d ->
                                d.findAnnotation(Order.class).map(Order::value).orElse(Order.DEFAULT))
                        .thenComparing(d -> d.getTestClass().getName()));
    }
}
