package io.modelscout.selector.eval;

/**
 * One train/test split of repeated k-fold cross-validation: row indices into the table, held as index views.
 *
 * @param repeat the repeat, from 0
 * @param fold the fold within the repeat, from 0
 * @param train training rows, ascending
 * @param test test rows, ascending
 */
public record Split(int repeat, int fold, int[] train, int[] test) {
}
