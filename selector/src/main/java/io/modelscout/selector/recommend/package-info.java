/** Turning cross-validated scores into one recommendation with its reasons. */
package io.modelscout.selector.recommend;
