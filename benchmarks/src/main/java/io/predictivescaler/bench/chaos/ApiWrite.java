package io.predictivescaler.bench.chaos;

/**
 * One write of a replica count ({@code /scale}) or an HPA floor seen at the mock API server, with
 * who held the Lease at that moment.
 *
 * @param writer the writing instance's identity, or {@code null} for a writer other than a scaler
 * @param hpa true for an HPA's {@code minReplicas}, false for a Deployment's replicas
 * @param restore true for an HPA floor put back to the SRE's (the scaler's annotation removed)
 * @param from the value before the write; {@code null} when unknown
 * @param to the value written; {@code null} when the write carried none (an annotation only)
 * @param atNanos when the server received it ({@link System#nanoTime()})
 * @param leaseHolder the Lease's holder at that moment ({@code ""} for none)
 * @param writerRenewedNanos when the writer last acquired or renewed the Lease; MIN_VALUE for never
 */
record ApiWrite(
    String writer,
    String namespace,
    String name,
    boolean hpa,
    boolean restore,
    Integer from,
    Integer to,
    long atNanos,
    String leaseHolder,
    long writerRenewedNanos) {}
