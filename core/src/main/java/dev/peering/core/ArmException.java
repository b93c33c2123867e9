package dev.peering.core;

/**
 * A request the service refuses, with the HTTP status, a stable ARM error code and a message that
 * tells the user what to change. Thrown anywhere below a resource; mapped to the ARM error body once.
 */
public class ArmException extends RuntimeException {

    private final int status;
    private final String code;

    public ArmException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** 400 for a request body or parameter that breaks a rule. */
    public static ArmException badRequest(String code, String message) {
        return new ArmException(400, code, message);
    }

    /** 400 {@code InvalidRequestContent} naming the field that is wrong. */
    public static ArmException invalidField(String field, String message) {
        return new ArmException(400, "InvalidRequestContent", "'" + field + "' " + message);
    }

    public static ArmException notFound(String resourceType, String name) {
        return new ArmException(404, "ResourceNotFound", "The " + resourceType + " '" + name + "' was not found.");
    }

    public static ArmException conflict(String code, String message) {
        return new ArmException(409, code, message);
    }

    public static ArmException forbidden(String code, String message) {
        return new ArmException(403, code, message);
    }
}
