/**
 * The contract between ModelScout and its model plugins.
 *
 * <p>A plugin is a {@link io.modelscout.api.ModelPlugin}: a stable id, a {@link io.modelscout.api.Family},
 * the {@link io.modelscout.api.Goal goals} it serves, its {@link io.modelscout.api.Capability capabilities},
 * its {@link io.modelscout.api.ParameterSpace hyper-parameters}, and a {@code fit} method that turns a
 * {@link io.modelscout.api.FitRequest} into a {@link io.modelscout.api.model.FittedModel}. It is registered
 * in a Guice module with {@link io.modelscout.api.Plugins#bind}, and the module is listed for
 * {@link java.util.ServiceLoader} in {@code META-INF/services/com.google.inject.Module}.
 *
 * <p>This package depends on the JDK and Guice only.
 */
package io.modelscout.api;
