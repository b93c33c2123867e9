package dev.peering.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A verb on one kind of resource (a registered ASN or prefix, a connection, a Peering Service or its prefix):
 * the group says where the resource is served, its path, the word messages use for it, its columns and when
 * {@code --wait} ends; the show, list, delete and write-then-follow bodies every group's verbs share are
 * written here once.
 */
abstract class ResourceCommand extends ArmCommand {

    /**
     * What a group's verbs act on: the word messages use for it (e.g. {@code registeredPrefix}), the service
     * that serves it, the table's columns, and when {@code --wait} ends (null: no state to follow).
     */
    record Kind(
            String word,
            Function<Endpoints, URI> service,
            List<Column> view,
            Function<JsonNode, Settlement> settlement) {}

    private final Kind kind;

    ResourceCommand(CliContext ctx, Kind kind) {
        super(ctx);
        this.kind = kind;
    }

    /** The resource's path, or the collection's when {@code name} is null. */
    abstract String path(String name);

    URI service() {
        return kind.service().apply(endpoints());
    }

    JsonNode get(String name) {
        return client().get(service(), path(name), null).body();
    }

    /** Prints the resource, or with {@code --wait} follows it until it settles. */
    void show(String name, WaitOptions wait) {
        showOrWait(n -> print(n, kind.view()), wait, kind.word() + " " + name, () -> get(name), kind.settlement());
    }

    /** Prints the collection: one page, or every page with {@code all}. */
    void list(boolean all) {
        printList(client().list(service(), path(null), null, all), kind.view());
    }

    /** Deletes the resource and says so: {@code done} after its name, or that it did not exist (204). */
    void delete(String name, Map<String, String> query, String done) {
        int status = client().send("DELETE", service(), path(name), query, null).status();
        say(kind.word() + " " + name + (status == 204 ? " did not exist" : done));
    }

    /** Sends a write to the resource (or to {@code suffix} below it), then prints or follows the answer. */
    void write(String method, String name, String suffix, Map<String, String> query, JsonNode body, WaitOptions wait) {
        follow(
                client().send(method, service(), path(name) + suffix, query, body)
                        .body(),
                name,
                wait);
    }

    /** Prints what a write answered, or with {@code --wait} follows the resource until it settles. */
    void follow(JsonNode written, String name, WaitOptions wait) {
        printOrWait(written, kind.view(), wait, kind.word() + " " + name, () -> get(name), kind.settlement());
    }
}
