package io.predictivescaler.core.service;

import java.util.List;
import java.util.Optional;

/**
 * Supplies the content of {@code /api/v1/workloads}. Called on a worker thread; implementations
 * should answer from memory.
 */
public interface WorkloadStatusProvider {

  /** Every workload under a policy, in a stable order. */
  List<WorkloadStatus> workloads();

  /** One workload, or empty when no policy covers it. */
  Optional<WorkloadStatus> workload(String namespace, String name);
}
