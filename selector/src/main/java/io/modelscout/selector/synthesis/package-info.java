/** The selection for the goal generate: loading, candidates, evaluation and recommendation. */
package io.modelscout.selector.synthesis;
