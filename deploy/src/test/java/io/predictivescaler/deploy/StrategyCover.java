package io.predictivescaler.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A pairwise (all-pairs) cover of the strategy's six arguments: every value of every argument meets
 * every value of every other argument in at least one combination, so every value also appears at
 * least once. Built greedily and deterministically from the full product (4 x 4 x 3 x 4 x 5 x 4 =
 * 3,840 combinations), which is too slow to render in full within the test budget.
 */
public final class StrategyCover {

  private StrategyCover() {}

  public static List<StrategyCombination> pairwise() {
    List<List<String>> product = fullProduct();
    Set<String> uncovered = new HashSet<>();
    for (List<String> combination : product) {
      uncovered.addAll(pairs(combination));
    }
    List<StrategyCombination> cover = new ArrayList<>();
    while (!uncovered.isEmpty()) {
      List<String> best = null;
      int bestGain = 0;
      for (List<String> candidate : product) {
        int gain = 0;
        for (String pair : pairs(candidate)) {
          if (uncovered.contains(pair)) {
            gain++;
          }
        }
        if (gain > bestGain) {
          best = candidate;
          bestGain = gain;
        }
      }
      uncovered.removeAll(pairs(best));
      cover.add(StrategyCombination.of(best));
    }
    return cover;
  }

  public static List<List<String>> fullProduct() {
    List<List<String>> product = List.of(List.of());
    for (List<String> values : StrategyCombination.VALUES) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : product) {
        for (String value : values) {
          List<String> extended = new ArrayList<>(prefix);
          extended.add(value);
          next.add(extended);
        }
      }
      product = next;
    }
    return product;
  }

  /** The argument-value pairs a combination covers, e.g. "0=hybrid|5=predictive". */
  public static Set<String> pairs(List<String> combination) {
    Set<String> pairs = new HashSet<>();
    for (int i = 0; i < combination.size(); i++) {
      for (int j = i + 1; j < combination.size(); j++) {
        pairs.add(i + "=" + combination.get(i) + "|" + j + "=" + combination.get(j));
      }
    }
    return pairs;
  }
}
