package dev.peering.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;

/**
 * {@code --query}: a JMESPath expression (the language of {@code az --query}) applied to the JSON a
 * command would print, before it is formatted. It is compiled before any request is sent, so a typo
 * changes nothing.
 */
final class Query {

    private static final JmesPath<JsonNode> JMESPATH = new JacksonRuntime();

    private final String text;
    private final Expression<JsonNode> expression;

    private Query(String text, Expression<JsonNode> expression) {
        this.text = text;
        this.expression = expression;
    }

    /** @throws CliFailure a usage error that quotes the expression and what is wrong with it */
    static Query compile(String text) {
        try {
            return new Query(text, JMESPATH.compile(text));
        } catch (JmesPathException e) {
            throw CliFailure.usage("--query '" + text + "' is not a JMESPath expression: " + e.getMessage());
        }
    }

    /** The query's result; a JSON null when it selects nothing. */
    JsonNode apply(JsonNode data) {
        try {
            JsonNode result = expression.search(data);
            return result == null ? ArmClient.JSON.nullNode() : result;
        } catch (JmesPathException e) {
            throw CliFailure.usage("--query '" + text + "' cannot be applied to this result: " + e.getMessage());
        }
    }
}
