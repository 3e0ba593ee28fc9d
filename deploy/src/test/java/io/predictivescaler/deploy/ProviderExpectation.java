package io.predictivescaler.deploy;

/** The strategy's instance types, default storage class and Velero provider for one provider. */
public record ProviderExpectation(
    String controlPlaneInstance,
    String workerInstance,
    String storageClass,
    String backupProvider) {}
