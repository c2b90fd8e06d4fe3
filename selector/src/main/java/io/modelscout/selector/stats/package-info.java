/** Statistics of the recommendation: the corrected resampled t-test and the special functions it needs. */
package io.modelscout.selector.stats;
