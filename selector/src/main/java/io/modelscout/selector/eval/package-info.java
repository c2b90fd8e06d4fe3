/** Cross-validation: folds, preprocessing fitted inside each fold, parallel evaluation, metrics. */
package io.modelscout.selector.eval;
