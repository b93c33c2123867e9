package dev.peering.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @Test
    void numbersKeepThreeSignificantFigures() {
        assertEquals("13,021", Report.number(13_021.4));
        assertEquals("123", Report.number(123.4));
        assertEquals("12.3", Report.number(12.34));
        assertEquals("1.23", Report.number(1.234));
        assertEquals("0.123", Report.number(0.1234));
        assertEquals("-", Report.number(Double.NaN));
    }

    @Test
    void markdownPutsEachFigureNextToItsLimitRatioAndTarget() {
        Report report = new Report();
        report.meta().put("command", "./benchmark --rates 5");
        report.row(Row.of("per-hop p99 at 20/s", 120, "ms", 40, "Kafka EndToEndLatency p99")
                .target(50, false));
        report.row(Row.of("GET p50", 2, "ms", Double.NaN, "none"));
        String md = report.markdown("latency-vs-load.svg");
        assertTrue(md.contains("| figure | measured | machine limit | ratio | target | result |"), md);
        assertTrue(
                md.contains(
                        "| per-hop p99 at 20/s | 120 ms | 40.0 ms (Kafka EndToEndLatency p99) | 3.00 | <= 50.0 ms | **miss** |"),
                md);
        assertTrue(md.contains("| GET p50 | 2.00 ms | none | - |  |  |"), md);
        assertTrue(md.contains("![workflow latency against load](latency-vs-load.svg)"), md);
        assertTrue(md.contains("`./benchmark --rates 5`"), md);
    }

    @Test
    void tableCellsEscapePipes() {
        StringBuilder md = new StringBuilder();
        Report.table(md, new String[] {"a", "b"}, List.<String[]>of(new String[] {"x|y", "z"}));
        assertEquals("| a | b |\n|---|---|\n| x\\|y | z |\n", md.toString());
    }

    record Sample(String name, double value, Percentiles latency) {}

    @Test
    void jsonHoldsPlainValuesWithNullForMissingOnes(@TempDir Path dir) throws Exception {
        Report report = new Report();
        report.row(Row.of("idle p50", 900, "ms", Double.NaN, "none").target(1000, false));
        report.put("sample", new Sample("s", Double.NaN, Percentiles.of(new double[] {1, 2, 3})));
        report.put("map", Map.of("k", List.of(1.5, Double.POSITIVE_INFINITY)));
        report.write(dir, null);
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("results.json")));
        JsonNode row = json.path("figures").get(0);
        assertEquals("idle p50", row.path("figure").asText());
        assertEquals(900.0, row.path("value").asDouble());
        assertTrue(row.path("limit").isNull());
        assertEquals("pass", row.path("result").asText());
        assertTrue(json.path("sample").path("value").isNull());
        assertEquals(2.0, json.path("sample").path("latency").path("p50Ms").asDouble());
        assertTrue(json.path("map").path("k").get(1).isNull());
        assertTrue(Files.readString(dir.resolve("results.md")).startsWith("# Workflow benchmark results"));
    }

    @Test
    void plainTurnsRecordsIntoMaps() {
        Object plain = Report.plain(new Sample("s", 2.0, Percentiles.EMPTY));
        assertTrue(plain instanceof Map<?, ?>);
        Map<?, ?> map = (Map<?, ?>) plain;
        assertEquals("s", map.get("name"));
        assertEquals(2.0, map.get("value"));
        assertNull(((Map<?, ?>) map.get("latency")).get("p50Ms"));
    }
}
