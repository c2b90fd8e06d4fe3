/**
 * Immutable typed tables: {@link io.modelscout.api.data.Table} and its
 * {@link io.modelscout.api.data.NumericColumn numeric}, {@link io.modelscout.api.data.NominalColumn nominal} and
 * {@link io.modelscout.api.data.OrdinalColumn ordinal} columns, with missing cells explicit and row views
 * that share their values.
 */
package io.modelscout.api.data;
