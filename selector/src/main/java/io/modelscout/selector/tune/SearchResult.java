package io.modelscout.selector.tune;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.ParameterValues;

/**
 * What one search found.
 *
 * @param best the chosen configuration; the defaults when nothing could be scored
 * @param scorings configurations scored (a configuration scored on two rungs counts twice)
 * @param planned scorings the search would have made without a cut
 * @param cut whether the deadline stopped the search early
 * @param scored whether any configuration could be scored at all
 */
record SearchResult(ParameterValues best, int scorings, int planned, boolean cut, boolean scored) {
    SearchResult {
        requireNonNull(best, "best is null");
    }
}
