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

    /** How many due steps one transaction takes. */
    int batchSize();

    /** Claims and takes up to {@code limit} due steps in one transaction; returns how many it took. */
    int takeDue(int limit);

    /** Takes every step of this kind that is due now, a batch per transaction, until a batch comes back short. */
    default void runDue() {
        int batch = batchSize();
        while (takeDue(batch) == batch) {
            // a full batch: more may be due
        }
    }
}
