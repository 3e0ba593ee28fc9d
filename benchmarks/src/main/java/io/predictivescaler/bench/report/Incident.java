package io.predictivescaler.bench.report;

/**
 * One overload episode of a run, and the ticks an incident chart shows around it.
 *
 * @param from first overloaded tick
 * @param to last overloaded tick, inclusive
 * @param overloadedTicks overloaded ticks within {@code [from, to]} (episodes closer than the merge
 *     gap are one incident, so the span may include served ticks)
 * @param windowFrom first tick shown
 * @param windowTo last tick shown, inclusive
 */
record Incident(int from, int to, int overloadedTicks, int windowFrom, int windowTo) {}
