package io.predictivescaler.bench.report;

import io.predictivescaler.bench.trace.Trace;
import io.predictivescaler.bench.trace.TraceRepairs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code traceInfo} object of the replay and forecast-eval reports: the trace's span, interval,
 * filled points, what the loader repaired (each count with the file line of its first row) and its
 * peak.
 */
public final class TraceInfo {

  private TraceInfo() {}

  public static Map<String, Object> of(Trace trace) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("start", trace.start().toString());
    info.put("end", trace.end().toString());
    info.put("intervalSeconds", trace.sourceInterval().getSeconds());
    info.put("filledPoints", trace.filledPoints());
    TraceRepairs repairs = trace.repairs();
    info.put("reorderedRows", repairs.reorderedRows());
    info.put("firstReorderedLine", repairs.firstReorderedLine());
    info.put("mergedRows", repairs.mergedRows());
    info.put("firstMergedLine", repairs.firstMergedLine());
    info.put("snappedRows", repairs.snappedRows());
    info.put("firstSnappedLine", repairs.firstSnappedLine());
    info.put("peak", JsonReport.round(trace.peak()));
    return info;
  }
}
