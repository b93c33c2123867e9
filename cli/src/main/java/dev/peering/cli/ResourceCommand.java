package dev.peering.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A verb on one kind of resource (a registered ASN or prefix, a connection, a Peering Service or its prefix):
 * the group says where the resource is served, its path, the word messages use for it, its columns and when
 * {@code --wait} ends; the show, list, delete and write-then-follow bodies every group's verbs share are
 * written here once. A group whose verbs name their parent through a {@link Where} mixed in (rather than
 * options inherited from the group's own base class) takes whole verbs from here: {@link ShowVerb},
 * {@link ListVerb}, {@link DeleteVerb}, and {@link Placed} for the verbs of its own.
 */
abstract class ResourceCommand extends ArmCommand {

    /**
     * What a group's verbs act on: the word messages use for it (e.g. {@code registeredPrefix}), the service
     * that serves it (null where the verbs' own {@link ResourceCommand#service()} says), the table's columns,
     * and when {@code --wait} ends (null: no state to follow).
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

    /**
     * The options that say where a group's resources are (the parent, and for a verb on one resource its
     * name), mixed into each of the group's verbs, and the path they make.
     */
    interface Where {

        /** The resource's path, or the collection's when {@code name} is null. */
        String path(ArmCommand command, String name);

        /** The one resource's name; null on a verb over the collection. */
        default String name() {
            return null;
        }
    }

    /** A verb whose resource is where its {@link Where} mixed in says. */
    abstract static class Placed extends ResourceCommand {

        @Mixin
        Where where;

        Placed(CliContext ctx, Kind kind, Where where) {
            super(ctx, kind);
            this.where = where;
        }

        @Override
        final String path(String name) {
            return where.path(this, name);
        }

        String name() {
            return where.name();
        }
    }

    /** {@code show}: prints the resource, or with {@code --wait} follows it until it settles. */
    abstract static class ShowVerb extends Placed {

        @Mixin
        WaitOptions wait;

        ShowVerb(CliContext ctx, Kind kind, Where where) {
            super(ctx, kind, where);
        }

        @Override
        void run() {
            show(name(), wait);
        }
    }

    /** {@code list}: one page of the collection, or every page with {@code --all}. */
    abstract static class ListVerb extends Placed {

        @Option(names = "--all", description = "Follow nextLink and read every page.")
        boolean all;

        ListVerb(CliContext ctx, Kind kind, Where where) {
            super(ctx, kind, where);
        }

        @Override
        void run() {
            list(all);
        }
    }

    /** {@code delete}: deletes the resource and says so. */
    abstract static class DeleteVerb extends Placed {

        DeleteVerb(CliContext ctx, Kind kind, Where where) {
            super(ctx, kind, where);
        }

        @Override
        void run() {
            delete(name(), null, " deleted");
        }
    }
}
