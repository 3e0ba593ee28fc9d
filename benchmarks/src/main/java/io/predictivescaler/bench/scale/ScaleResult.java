package io.predictivescaler.bench.scale;

/**
 * What the tick-loop scale harness measured for one fleet size. Times are CPU time of the thread
 * named unless the name says wall; NaN where the run failed before measuring it.
 *
 * @param workloads fleet size N
 * @param completed false when the run failed (e.g. out of heap); {@code error} says why
 * @param error why the run failed, or empty
 * @param maxHeapMiB the JVM's maximum heap
 * @param buildSeconds wall time to build the fleet and backfill 24 h per window
 * @param prefitSeconds wall time to first-fit every workload before measuring, NaN without prefit
 * @param ticks measured ticks
 * @param tickWallMillisMedian wall time of one tick over all N workloads (median)
 * @param tickCpuMillisMedian tick thread's CPU for one tick over all N workloads (median)
 * @param tickCpuMicrosPerWorkload the same divided by N
 * @param gcMillisDuringTicks collector time (all collectors) during the measured ticks
 * @param fittedAtEnd workloads with a fitted model after the measured ticks
 * @param refitsSubmitted refits the orchestrator handed over during the measured ticks
 * @param refitsRun refits the refit thread ran during the measured ticks
 * @param refitCpuMillisObserved refit thread CPU per refit run during the measured ticks
 * @param fitWithSelectionMillis CPU of a first fit with auto's backtest (median of the sample)
 * @param hourlyRefitMillis CPU of an hourly refit with the choice kept (median of the sample)
 * @param refitCpuMillisAveraged per refit, averaged over the re-pick cycle
 * @param heapBytesPerWorkload (used heap with N loaded - used heap empty) / N, after full GCs
 * @param heapMiBTotal used heap with N loaded
 * @param withChoiceAtEnd workloads holding a counterfactual choice after the measured ticks
 * @param repickCpuMillis CPU of one counterfactual re-pick replaying a full day (median, sampled)
 * @param tickCoreShare tick CPU per step / step
 * @param refitCoreShare refit CPU per step (N refits per refit interval) / step
 * @param repickCoreShare re-pick CPU per step (N re-picks per re-pick interval) / step
 * @param coresNeeded tickCoreShare + refitCoreShare + repickCoreShare
 */
public record ScaleResult(
    int workloads,
    boolean completed,
    String error,
    double maxHeapMiB,
    double buildSeconds,
    double prefitSeconds,
    int ticks,
    double tickWallMillisMedian,
    double tickCpuMillisMedian,
    double tickCpuMicrosPerWorkload,
    double gcMillisDuringTicks,
    long fittedAtEnd,
    long refitsSubmitted,
    long refitsRun,
    double refitCpuMillisObserved,
    double fitWithSelectionMillis,
    double hourlyRefitMillis,
    double refitCpuMillisAveraged,
    double heapBytesPerWorkload,
    double heapMiBTotal,
    long withChoiceAtEnd,
    double repickCpuMillis,
    double tickCoreShare,
    double refitCoreShare,
    double repickCoreShare,
    double coresNeeded) {

  static ScaleResult failed(int workloads, double maxHeapMiB, String error) {
    double nan = Double.NaN;
    return new ScaleResult(
        workloads,
        false,
        error,
        maxHeapMiB,
        nan,
        nan,
        0,
        nan,
        nan,
        nan,
        nan,
        0,
        0,
        0,
        nan,
        nan,
        nan,
        nan,
        nan,
        nan,
        0,
        nan,
        nan,
        nan,
        nan,
        nan);
  }
}
