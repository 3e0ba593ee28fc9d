package io.predictivescaler.deploy;

/** The strategy's numbers for one cluster size. */
public record SizeExpectation(
    int controlPlane,
    int workersMin,
    int workersMax,
    int minReplicas,
    int maxReplicas,
    int parallelism) {}
