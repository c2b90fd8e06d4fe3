package io.modelscout.cli.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelscout.api.ModelPlugin;
import org.junit.jupiter.api.Test;

final class ApiOnlyClassLoaderTest {
    private final ClassLoader host = getClass().getClassLoader();
    private final ApiOnlyClassLoader loader = new ApiOnlyClassLoader(host);

    @Test
    void sharesTheApiAndInjectionClassesOfModelScoutItself() throws Exception {
        assertThat(loader.loadClass(ModelPlugin.class.getName())).isSameAs(ModelPlugin.class);
        assertThat(loader.loadClass("com.google.inject.AbstractModule")).isSameAs(com.google.inject.AbstractModule.class);
        assertThat(loader.loadClass("jakarta.inject.Inject")).isSameAs(jakarta.inject.Inject.class);
        assertThat(loader.loadClass("java.util.List")).isSameAs(java.util.List.class);
        assertThat(loader.loadClass("java.sql.Connection")).as("platform modules of the JDK").isNotNull();
    }

    @Test
    void hidesTheLibrariesTheFrameworkAndTheBundledPlugins() throws Exception {
        // Each is on ModelScout's class path, as the first lines show.
        for (String hidden : new String[] {"smile.classification.KNN", "weka.classifiers.trees.J48",
            "tools.jackson.databind.ObjectMapper", "io.modelscout.selector.Selector", "io.modelscout.cli.Main",
            "io.modelscout.plugins.core.ConstantBaselinePlugin", "com.google.common.collect.ImmutableList"}) {
            assertThat(host.loadClass(hidden)).as("%s on ModelScout's class path", hidden).isNotNull();
            assertThatThrownBy(() -> loader.loadClass(hidden)).as(hidden).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void hidesTheServiceFilesOfTheBundledPluginsButNotTheApiResources() throws Exception {
        String services = "META-INF/services/com.google.inject.Module";
        assertThat(host.getResources(services).hasMoreElements()).as("bundled service files").isTrue();
        assertThat(loader.getResource(services)).isNull();
        assertThat(loader.getResources(services).hasMoreElements()).isFalse();
        assertThat(loader.getResource("io/modelscout/api/ModelPlugin.class")).isNotNull();
        assertThat(loader.getResource("smile/classification/KNN.class")).isNull();
    }
}
