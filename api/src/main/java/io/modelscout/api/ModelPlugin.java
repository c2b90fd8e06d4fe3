package io.modelscout.api;

import io.modelscout.api.model.FittedModel;
import java.util.Set;

/**
 * A model family that can take part in a selection. Implementations are small final classes, stateless and
 * safe to call from several threads at once; each is bound in a Guice module with {@link Plugins#bind}.
 */
public interface ModelPlugin {

    /**
     * The version of this API; a plugin built against another major version is refused.
     */
    String API_VERSION = "1.0";

    /**
     * A stable, lower-case, dotted identifier: the backend, then the model, e.g. {@code smile.random-forest}.
     *
     * @return the id, unique among all plugins
     */
    String id();

    /**
     * A name for people, e.g. {@code Random forest (Smile)}.
     *
     * @return the display name
     */
    String displayName();

    /**
     * One or two sentences on what the model is and when it does well.
     *
     * @return the description
     */
    String description();

    /**
     * Whether the model is generative or discriminative.
     *
     * @return the family
     */
    Family family();

    /**
     * The goals this plugin can fit models for.
     *
     * @return a non-empty set
     */
    Set<Goal> goals();

    /**
     * What the plugin can do; read by rules and reports.
     *
     * @return the declared capabilities
     */
    Set<Capability> capabilities();

    /**
     * The tunable hyper-parameters with their defaults and ranges.
     *
     * @return the space; {@link ParameterSpace#EMPTY} when there are none
     */
    ParameterSpace parameters();

    /**
     * The API version the plugin was built against.
     *
     * @return by default the {@link #API_VERSION} it was compiled with
     */
    default String apiVersion() {
        return API_VERSION;
    }

    /**
     * Fits a model. May throw any exception: the framework marks the candidate failed with the message and goes on.
     *
     * @param request the training data, goal, parameters and seed
     * @return a fitted model of the sub-type matching {@code request.goal()}
     * @throws Exception when the model cannot be fitted to this data
     */
    FittedModel fit(FitRequest request) throws Exception;
}
