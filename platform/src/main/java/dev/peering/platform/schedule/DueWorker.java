package dev.peering.platform.schedule;

/**
 * A service's durable schedule as one kind of work: the claim-and-step pass its {@code @Scheduled}
 * poller runs. {@link DueWork} runs the same pass right after a commit that made a step of this kind
 * due, so the pass must claim its rows with {@code for update skip locked} and may run beside the
 * poller or another instance's pass.
 */
public interface DueWorker {

    /** The kind of work, unique within the service; callers of {@link DueWork} name it. */
    String kind();

    /** Takes every step of this kind that is due now, committing as it goes. */
    void runDue();
}
