package dev.peering.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders what a command prints in the formats of {@code az}: an aligned table (the default), JSON,
 * coloured JSON, tab-separated values, YAML, or nothing. Without {@code --query} the table and the TSV
 * show the command's own columns; with it they show what the query returned, as {@code az} does.
 */
public final class Output {

    private Output() {}

    public enum Format {
        table,
        json,
        jsonc,
        tsv,
        yaml,
        none;

        static final String NAMES = "table, json, jsonc, tsv, yaml, none";

        static Format parse(String text) {
            if (text == null || text.isBlank()) {
                return table;
            }
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(text.trim())) {
                    return f;
                }
            }
            throw CliFailure.usage("--output '" + text + "' is not one of: " + NAMES);
        }
    }

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // a string that reads as a number ("143") must stay a string when the YAML is read back
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .stringQuotingChecker(new YamlQuoting())
            .build());

    /**
     * Jackson's check misses strings such as {@code 1e3}, {@code 0x1F} or {@code 1:20} (YAML 1.1 reads
     * them as numbers): they are quoted too.
     */
    private static final class YamlQuoting extends StringQuotingChecker.Default {

        private static final java.util.regex.Pattern NUMBER_LIKE =
                java.util.regex.Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
                        + "|[-+]?0[xXoObB][0-9a-fA-F_]+"
                        + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
                        + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || NUMBER_LIKE.matcher(value).matches();
        }
    }

    /** az leaves these out of a table built from the data itself: long, and the same in every row. */
    private static final Set<String> AUTO_TABLE_SKIPPED = Set.of("id", "type", "etag");

    /**
     * What {@code data} looks like in {@code format}.
     *
     * @param data a resource, or the array of a list's items, after the query if there is one
     * @param view the command's columns, used by table and tsv when there is no query
     * @param queried whether {@code data} is a query's result (its shape is then the user's)
     * @param colour whether jsonc may colour (stdout is a terminal)
     */
    public static String render(Format format, JsonNode data, List<Column> view, boolean queried, boolean colour) {
        return switch (format) {
            case table -> queried ? autoTable(data) : table(view, rows(data));
            case tsv -> queried ? tsv(data) : tsv(view, rows(data));
            case json -> json(data);
            case jsonc -> colour ? ColouredJson.colour(json(data)) : json(data);
            case yaml -> yaml(data);
            case none -> "";
        };
    }

    private static List<JsonNode> rows(JsonNode data) {
        List<JsonNode> rows = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(rows::add);
        } else {
            rows.add(data);
        }
        return rows;
    }

    /**
     * Columns padded to their widest cell, a dashed line under the headers, no trailing blanks; a
     * column empty in every row (e.g. ErrorMessage when nothing failed) is left out.
     */
    public static String table(List<Column> allColumns, List<JsonNode> rows) {
        List<Column> columns = rows.isEmpty()
                ? allColumns
                : allColumns.stream()
                        .filter(c ->
                                rows.stream().anyMatch(r -> !c.cell().apply(r).isEmpty()))
                        .toList();
        List<String[]> cells = new ArrayList<>();
        cells.add(columns.stream().map(Column::header).toArray(String[]::new));
        for (JsonNode row : rows) {
            String[] line = new String[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                line[i] = oneLine(columns.get(i).cell().apply(row));
            }
            cells.add(line);
        }
        return aligned(cells);
    }

    /**
     * The table az builds from a query's result: one column per scalar field of the objects, in the
     * order they first appear, headers with a capital first letter; a list of scalars is one
     * {@code Result} column, a list of lists {@code Column1}, {@code Column2}, ...
     */
    static String autoTable(JsonNode data) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode item : rows(data)) {
            Map<String, String> row = new LinkedHashMap<>();
            if (item.isObject()) {
                item.fields().forEachRemaining(f -> {
                    JsonNode v = f.getValue();
                    if (!AUTO_TABLE_SKIPPED.contains(f.getKey()) && v.isValueNode() && !v.isNull()) {
                        row.put(capitalised(f.getKey()), oneLine(v.asText()));
                    }
                });
            } else if (item.isArray()) {
                for (int i = 0; i < item.size(); i++) {
                    row.put("Column" + (i + 1), oneLine(Column.text(item.get(i))));
                }
            } else {
                row.put("Result", oneLine(Column.text(item)));
            }
            rows.add(row);
        }
        List<String> headers = new ArrayList<>();
        rows.forEach(r -> r.keySet().stream().filter(h -> !headers.contains(h)).forEach(headers::add));
        List<String[]> cells = new ArrayList<>();
        cells.add(headers.toArray(String[]::new));
        rows.forEach(
                r -> cells.add(headers.stream().map(h -> r.getOrDefault(h, "")).toArray(String[]::new)));
        return headers.isEmpty() ? "" : aligned(cells);
    }

    /** The header row, a dashed row under it, then the rest, each column as wide as its widest cell. */
    private static String aligned(List<String[]> cells) {
        int columns = cells.get(0).length;
        int[] widths = new int[columns];
        for (String[] line : cells) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        String[] dashes = new String[columns];
        for (int i = 0; i < columns; i++) {
            dashes[i] = "-".repeat(widths[i]);
        }
        List<String[]> all = new ArrayList<>(cells);
        all.add(1, dashes);
        StringBuilder out = new StringBuilder();
        for (String[] line : all) {
            StringBuilder l = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                if (i > 0) {
                    l.append("  ");
                }
                l.append(line[i]);
                if (i < columns - 1) {
                    l.append(" ".repeat(widths[i] - line[i].length()));
                }
            }
            out.append(l.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /**
     * The command's columns without headers, one line per resource, every column always present (an
     * empty cell stays an empty field) so {@code cut -f} and {@code read} see a fixed layout.
     */
    static String tsv(List<Column> columns, List<JsonNode> rows) {
        StringBuilder out = new StringBuilder();
        for (JsonNode row : rows) {
            List<String> values = new ArrayList<>();
            columns.forEach(c -> values.add(field(c.cell().apply(row))));
            out.append(String.join("\t", values)).append('\n');
        }
        return out.toString();
    }

    /**
     * A query's result as az writes TSV: one line per element of a list (a single value or object is
     * one line); an object's values in order, a nested list as its length, a nested object as an empty
     * field, null as an empty field.
     */
    static String tsv(JsonNode data) {
        StringBuilder out = new StringBuilder();
        for (JsonNode item : rows(data)) {
            List<String> values = new ArrayList<>();
            if (item.isContainerNode()) {
                item.elements().forEachRemaining(v -> values.add(tsvField(v)));
            } else {
                values.add(field(Column.text(item)));
            }
            out.append(String.join("\t", values)).append('\n');
        }
        return out.toString();
    }

    private static String tsvField(JsonNode v) {
        if (v.isArray()) {
            return Integer.toString(v.size());
        }
        return v.isObject() ? "" : field(Column.text(v));
    }

    /** A tab or a line break inside a value would shift the fields of the line: they become blanks. */
    private static String field(String value) {
        return value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    public static String json(JsonNode node) {
        try {
            return ArmClient.JSON
                            .writer()
                            .with(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("output cannot be written", e);
        }
    }

    public static String json(List<JsonNode> nodes) {
        return json(array(nodes));
    }

    static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("output cannot be written", e);
        }
    }

    static ArrayNode array(List<JsonNode> nodes) {
        ArrayNode array = ArmClient.JSON.createArrayNode();
        nodes.forEach(array::add);
        return array;
    }

    private static String capitalised(String key) {
        return key.isEmpty() ? key : Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }

    private static String oneLine(String cell) {
        return cell == null ? "" : cell.replace('\n', ' ').replace('\r', ' ');
    }
}
