package io.predictivescaler.bench.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.predictivescaler.bench.report.TraceInfo;
import io.predictivescaler.bench.trace.Trace;
import io.predictivescaler.forecast.eval.EvaluationReport;
import io.predictivescaler.forecast.eval.ModelScore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes {@code forecast-eval.json} in the shape of docs/ARCHITECTURE.md §9 (plus extra fields).
 */
final class ForecastEvalJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ForecastEvalJson() {}

  static ObjectNode toJson(Trace trace, EvaluationReport report, long requestedHorizonSeconds) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("trace", trace.name());
    root.set("traceInfo", MAPPER.valueToTree(TraceInfo.of(trace)));
    root.put("stepSeconds", report.stepSeconds());
    root.put("horizonSeconds", report.horizonSeconds());
    root.put("origins", report.origins());
    ObjectNode models = root.putObject("models");
    for (Map.Entry<String, ModelScore> e : report.models().entrySet()) {
      ModelScore s = e.getValue();
      ObjectNode m = models.putObject(e.getKey());
      put(m, "mae", s.mae());
      put(m, "rmse", s.rmse());
      put(m, "smape", s.smape());
      put(m, "mase", s.mase());
      put(m, "underShare", s.underShare());
      put(m, "fitMillisMedian", s.fitMillisMedian());
      put(m, "predictMicrosMedian", s.predictMicrosMedian());
      put(m, "bandCoverage", s.bandCoverage());
      put(m, "trustedShare", s.trustedShare());
      m.put("points", s.points());
      m.put("refits", s.refits());
    }
    ObjectNode floor = root.putObject("noiseFloor");
    put(floor, "mae", report.noiseFloor().mae());
    floor.put("halfWidth", report.noiseFloor().halfWidth());
    floor.put("points", report.noiseFloor().points());
    root.put("requestedHorizonSeconds", requestedHorizonSeconds);
    root.put("originStride", report.originStride());
    root.put("timing", "thread CPU time");
    return root;
  }

  static Path write(Path dir, ObjectNode json) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("forecast-eval.json");
    MAPPER.writeValue(file.toFile(), json);
    return file;
  }

  private static void put(ObjectNode node, String field, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
