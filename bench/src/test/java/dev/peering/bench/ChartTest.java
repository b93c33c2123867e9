package dev.peering.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartTest {

    @Test
    void drawsLatencyAgainstLoadAsSvg(@TempDir Path dir) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path svg = dir.resolve("latency-vs-load.svg");
        Chart.writeSvg(
                Chart.build(
                        List.of(new Chart.Point(5, 10, 11), new Chart.Point(20, 12, 30)),
                        List.of(new Chart.Point(6.5, 10.5, 14)),
                        5),
                svg);
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg"), text.substring(0, Math.min(200, text.length())));
        // XChart's vector encoder draws the labels as shapes, so only the drawing itself can be checked here.
        assertTrue(text.contains("<path"));
    }
}
