package io.predictivescaler.bench.sim;

/**
 * How one strategy did on one replay. The first four are docs/ARCHITECTURE.md §9's contract.
 *
 * @param overloadMinutes minutes in which load exceeded Ready capacity
 * @param unservedFraction load above Ready capacity over total load
 * @param replicaHours the integral of replicas (Ready or starting) over time
 * @param scaleEvents ticks at which the replica count changed
 * @param scaleUps scale events that added replicas
 * @param scaleDowns scale events that removed replicas
 * @param readyReplicaHours the integral of Ready replicas over time
 * @param meanUtilization served load over Ready capacity, over the whole replay
 * @param maxReplicas the most replicas at any tick
 */
public record ReplayMetrics(
    double overloadMinutes,
    double unservedFraction,
    double replicaHours,
    int scaleEvents,
    int scaleUps,
    int scaleDowns,
    double readyReplicaHours,
    double meanUtilization,
    int maxReplicas) {}
