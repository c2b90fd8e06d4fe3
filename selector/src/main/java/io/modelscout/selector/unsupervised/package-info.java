/** The selection for the goals cluster, detect-anomalies and estimate-density: loading, candidates, evaluation and recommendation. */
package io.modelscout.selector.unsupervised;
