package dev.peering.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results: one tree of plain values written as JSON, and the Markdown page people read, whose first
 * table puts each figure next to the machine's limit and the target.
 */
public final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> meta = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String[]> phaseLines = new ArrayList<>();
    private final List<String[]> hopLines = new ArrayList<>();
    private final List<String[]> restLines = new ArrayList<>();
    private final List<String[]> processLines = new ArrayList<>();
    private final List<String[]> limitLines = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Object> data = new LinkedHashMap<>();

    public Map<String, Object> meta() {
        return meta;
    }

    public void row(Row row) {
        rows.add(row);
    }

    public List<Row> rows() {
        return rows;
    }

    public void phaseLine(String... cells) {
        phaseLines.add(cells);
    }

    public void hopLine(String... cells) {
        hopLines.add(cells);
    }

    public void restLine(String... cells) {
        restLines.add(cells);
    }

    public void processLine(String... cells) {
        processLines.add(cells);
    }

    public void limitLine(String... cells) {
        limitLines.add(cells);
    }

    public void note(String note) {
        notes.add(note);
    }

    /** Raw data for the JSON file, under {@code key}. */
    public void put(String key, Object value) {
        data.put(key, plain(value));
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("meta", plain(meta));
        List<Object> table = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("figure", row.figure());
            r.put("value", Percentiles.finite(row.value()));
            r.put("unit", row.unit());
            r.put("limit", Percentiles.finite(row.limit()));
            r.put("limitSource", row.limitSource());
            r.put("ratioToLimit", Percentiles.finite(row.ratio()));
            r.put("target", row.hasTarget() ? row.targetText() : null);
            r.put("result", row.hasTarget() ? row.verdict() : null);
            table.add(r);
        }
        json.put("figures", table);
        json.putAll(data);
        json.put("notes", notes);
        return json;
    }

    public void write(Path dir, String chartFile) throws IOException {
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve("results.json").toFile(), toJson());
        Files.writeString(dir.resolve("results.md"), markdown(chartFile));
    }

    public String markdown(String chartFile) {
        StringBuilder md = new StringBuilder();
        md.append("# Workflow benchmark results\n\n");
        md.append("Produced by `")
                .append(meta.getOrDefault("command", "./bench"))
                .append("`");
        md.append(" on ").append(meta.getOrDefault("date", "?"));
        md.append(", machine: ").append(meta.getOrDefault("machine", "?"));
        md.append(", commit `").append(meta.getOrDefault("commit", "?")).append("`");
        md.append(", load average (1/5/15 min) ")
                .append(meta.getOrDefault("loadAverageAtStart", "?"))
                .append(" at the start, ")
                .append(meta.getOrDefault("loadAverageAtEnd", "?"))
                .append(" at the end (the machine may be shared with other work).\n");
        md.append("Raw figures: [results.json](results.json). How to run it: the README's Benchmark section.\n\n");
        md.append("## Figures, machine limits and the issue's targets\n\n");
        md.append(
                "The limit is what the same broker and database did on their own in this run (see Machine limits); the"
                        + " ratio is figure / limit (for a rate: the share of the ceiling reached; for a latency: how many"
                        + " times the floor).\n\n");
        table(
                md,
                new String[] {"figure", "measured", "machine limit", "ratio", "target", "result"},
                rows.stream()
                        .map(r -> new String[] {
                            r.figure(),
                            number(r.value()) + " " + r.unit(),
                            Double.isFinite(r.limit())
                                    ? number(r.limit()) + " " + r.unit() + " (" + r.limitSource() + ")"
                                    : r.limitSource(),
                            Double.isFinite(r.ratio()) ? number(r.ratio()) : "-",
                            r.targetText(),
                            bold(r.verdict())
                        })
                        .toList());
        if (chartFile != null) {
            md.append("\n![workflow latency against load](").append(chartFile).append(")\n");
        }
        section(
                md,
                "Workflow phases",
                new String[] {
                    "phase",
                    "offered",
                    "issued",
                    "completed",
                    "failed",
                    "workflows/s",
                    "p50 s",
                    "p99 s",
                    "max s",
                    "step p50 ms: PeerAsn / peering / connections / registered",
                    "PUT retries"
                },
                phaseLines);
        section(
                md,
                "Per hop: event time to applied (consumed_event.applied_at)",
                new String[] {
                    "phase",
                    "hops",
                    "p50 ms",
                    "p99 ms",
                    "p99.9 ms",
                    "relay p50 / p99 ms",
                    "consume p50 / p99 ms",
                    "slowest consumer p99"
                },
                hopLines);
        section(
                md,
                "REST at a fixed rate",
                new String[] {
                    "run", "stored peerings", "rate/s", "sent", "2xx", "not sent", "p50 ms", "p99 ms", "p99.9 ms"
                },
                restLines);
        section(
                md,
                "Processes (from /proc)",
                new String[] {
                    "process", "RSS at ready MB", "peak RSS MB", "peak PSS MB", "CPU s while loaded", "CPU s whole run"
                },
                processLines);
        section(
                md,
                "Machine limits (same broker, same PostgreSQL, same run)",
                new String[] {"measurement", "result", "how"},
                limitLines);
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    private static void section(StringBuilder md, String title, String[] header, List<String[]> lines) {
        if (lines.isEmpty()) {
            return;
        }
        md.append("\n## ").append(title).append("\n\n");
        table(md, header, lines);
    }

    static void table(StringBuilder md, String[] header, List<String[]> lines) {
        md.append("| ").append(String.join(" | ", header)).append(" |\n");
        md.append("|").append("---|".repeat(header.length)).append('\n');
        for (String[] line : lines) {
            md.append("| ");
            for (int i = 0; i < header.length; i++) {
                md.append(i < line.length ? line[i].replace("|", "\\|") : "").append(" | ");
            }
            md.setLength(md.length() - 1);
            md.append('\n');
        }
    }

    private static String bold(String verdict) {
        return verdict.equals("miss") ? "**miss**" : verdict;
    }

    /** Three significant figures, no exponent; "-" for no value. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** Records, maps and lists as plain maps and lists; Percentiles as their map; non-finite doubles as null. */
    static Object plain(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Percentiles p) {
            return p.toMap();
        }
        if (value instanceof Double d) {
            return Percentiles.finite(d);
        }
        if (value instanceof Float f) {
            return Percentiles.finite(f);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(Report::plain).toList();
        }
        if (value.getClass().isRecord()) {
            return recordMap(value);
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        return value.toString();
    }

    static Map<String, Object> recordMap(Object record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                out.put(component.getName(), plain(component.getAccessor().invoke(record)));
            } catch (ReflectiveOperationException e) {
                out.put(component.getName(), null);
            }
        }
        return out;
    }
}
