package dev.peering.console.service;

/** An ARM error a page cannot show beside a field (a list that failed): shown as a banner with its message. */
public class ArmFailure extends RuntimeException {

    private final ArmResult result;

    public ArmFailure(ArmResult result) {
        super(result.errorCode() + ": " + result.errorMessage());
        this.result = result;
    }

    public ArmResult result() {
        return result;
    }
}
