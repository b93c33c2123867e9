package dev.peering.core;

/** The ARM error body: {@code {"error":{"code":"...","message":"..."}}}. */
public record ArmError(Detail error) {

    public record Detail(String code, String message) {}

    public static ArmError of(String code, String message) {
        return new ArmError(new Detail(code, message));
    }
}
