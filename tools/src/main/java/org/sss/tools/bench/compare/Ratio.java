package org.sss.tools.bench.compare;

/**
 * The subject's figure divided by another's, as the median of the per-repetition ratios.
 *
 * @param against the other contender's id, or a ceiling's name
 * @param spread median, min and max of the per-repetition ratios
 */
public record Ratio(String against, Spread spread) {
}
