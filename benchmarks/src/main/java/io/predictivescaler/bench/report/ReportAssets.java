package io.predictivescaler.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The scripts and styles inlined into {@code report.html}: uPlot from its WebJar and the report's
 * own {@code report.js} / {@code report.css}, read once from the classpath.
 */
final class ReportAssets {

  /** The uPlot version of the WebJar on the classpath (pinned in the parent pom). */
  static final String UPLOT_VERSION = "1.6.30";

  private static final String UPLOT_DIR =
      "/META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/";

  static final String UPLOT_JS = read(UPLOT_DIR + "uPlot.iife.min.js");
  static final String UPLOT_CSS = read(UPLOT_DIR + "uPlot.min.css");
  static final String REPORT_JS = read("report.js");
  static final String REPORT_CSS = read("report.css");

  private ReportAssets() {}

  private static String read(String resource) {
    try (InputStream in = ReportAssets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "report asset " + resource + " is missing from the classpath (is the uPlot WebJar?)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading report asset " + resource, e);
    }
  }
}
