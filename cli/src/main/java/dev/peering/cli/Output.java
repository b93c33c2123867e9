package dev.peering.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/** Renders resources as an az-style table (the default) or as JSON (for scripts). */
public final class Output {

    private Output() {}

    public enum Format {
        table,
        json;

        static Format parse(String text) {
            if (text == null || text.isBlank()) {
                return table;
            }
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(text.trim())) {
                    return f;
                }
            }
            throw CliFailure.usage("--output '" + text + "' is not one of: table, json");
        }
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
        String[] headers = columns.stream().map(Column::header).toArray(String[]::new);
        cells.add(headers);
        String[] dashes = new String[columns.size()];
        cells.add(dashes);
        for (JsonNode row : rows) {
            String[] line = new String[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                line[i] = oneLine(columns.get(i).cell().apply(row));
            }
            cells.add(line);
        }
        int[] widths = new int[columns.size()];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                if (line[i] != null) {
                    widths[i] = Math.max(widths[i], line[i].length());
                }
            }
        }
        for (int i = 0; i < dashes.length; i++) {
            dashes[i] = "-".repeat(widths[i]);
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : cells) {
            StringBuilder l = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                if (i > 0) {
                    l.append("  ");
                }
                l.append(line[i]);
                if (i < line.length - 1) {
                    l.append(" ".repeat(widths[i] - line[i].length()));
                }
            }
            out.append(l.toString().stripTrailing()).append('\n');
        }
        return out.toString();
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
        ArrayNode array = ArmClient.JSON.createArrayNode();
        nodes.forEach(array::add);
        return json(array);
    }

    private static String oneLine(String cell) {
        return cell == null ? "" : cell.replace('\n', ' ').replace('\r', ' ');
    }
}
