/** The rulebook: rules of thumb kept as data, the facts they read, and the candidate plan they produce. */
package io.modelscout.selector.rules;
