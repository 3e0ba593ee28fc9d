package io.predictivescaler.bench.chaos;

import io.predictivescaler.core.service.ScalerService;

/** One running scaler process of the run: the service, its collector timers, when it started. */
record ScalerInstance(
    String identity, ScalerService service, VirtualTimers timers, long startTick) {}
