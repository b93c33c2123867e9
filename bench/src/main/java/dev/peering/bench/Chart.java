package dev.peering.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Workflow latency (p50, p99) against load, drawn with XChart as SVG. */
public final class Chart {

    /** One point: load in workflows per second and latencies in seconds. */
    public record Point(double load, double p50Seconds, double p99Seconds) {}

    private Chart() {}

    public static XYChart build(List<Point> openLoop, List<Point> closedLoop, double targetP99Seconds) {
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(540)
                .title("Onboarding workflow latency against load")
                .xAxisTitle("workflows per second (open loop: offered; closed loop: achieved)")
                .yAxisTitle("end-to-end latency, s")
                .build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisMin(0.0);
        if (!openLoop.isEmpty()) {
            double[] x = openLoop.stream().mapToDouble(Point::load).toArray();
            chart.addSeries(
                            "open loop p50",
                            x,
                            openLoop.stream().mapToDouble(Point::p50Seconds).toArray())
                    .setMarker(SeriesMarkers.CIRCLE);
            chart.addSeries(
                            "open loop p99",
                            x,
                            openLoop.stream().mapToDouble(Point::p99Seconds).toArray())
                    .setMarker(SeriesMarkers.DIAMOND);
        }
        if (!closedLoop.isEmpty()) {
            double[] x = closedLoop.stream().mapToDouble(Point::load).toArray();
            XYSeries p50 = chart.addSeries(
                    "closed loop p50",
                    x,
                    closedLoop.stream().mapToDouble(Point::p50Seconds).toArray());
            p50.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            p50.setMarker(SeriesMarkers.SQUARE);
            XYSeries p99 = chart.addSeries(
                    "closed loop p99",
                    x,
                    closedLoop.stream().mapToDouble(Point::p99Seconds).toArray());
            p99.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            p99.setMarker(SeriesMarkers.TRIANGLE_UP);
        }
        double maxX = openLoop.stream().mapToDouble(Point::load).max().orElse(1);
        maxX = Math.max(maxX, closedLoop.stream().mapToDouble(Point::load).max().orElse(1));
        chart.addSeries("target p99 at 50/s (5 s)", new double[] {0, Math.max(maxX, 50)}, new double[] {
                    targetP99Seconds, targetP99Seconds
                })
                .setMarker(SeriesMarkers.NONE);
        return chart;
    }

    public static void writePng(XYChart chart, Path file) throws IOException {
        String name = file.toString();
        String base = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        org.knowm.xchart.BitmapEncoder.saveBitmap(chart, base, org.knowm.xchart.BitmapEncoder.BitmapFormat.PNG);
    }

    public static void writeSvg(XYChart chart, Path file) throws IOException {
        String name = file.toString();
        String base = name.endsWith(".svg") ? name.substring(0, name.length() - 4) : name;
        VectorGraphicsEncoder.saveVectorGraphic(chart, base, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
}
