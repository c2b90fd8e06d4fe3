/** The selection for the goal model-sequences: loading, candidates, evaluation and recommendation. */
package io.modelscout.selector.sequence;
