package io.modelscout.cli.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.ModelPlugin;
import org.junit.jupiter.api.Test;

final class ApiVersionTest {

    @Test
    void theSameMajorVersionIsCompatibleWhateverTheMinor() {
        assertThat(ModelPlugin.API_VERSION).startsWith("1.");
        assertThat(ApiVersion.incompatibility("1.0")).isNull();
        assertThat(ApiVersion.incompatibility("1.7")).isNull();
        assertThat(ApiVersion.incompatibility("01.2.3")).isNull();
    }

    @Test
    void anotherMajorVersionIsRefusedNamingBoth() {
        assertThat(ApiVersion.incompatibility("2.0")).isEqualTo("was built for plugin API 2.0, this ModelScout has "
                + "plugin API 1.0 (the major versions must match)");
        assertThat(ApiVersion.incompatibility("0.9")).contains("0.9", "1.0");
    }

    @Test
    void somethingThatIsNotAVersionIsRefusedSayingWhatIsExpected() {
        assertThat(ApiVersion.incompatibility("latest")).isEqualTo("declares the API version 'latest'; expected a "
                + "version such as 1.0");
        assertThat(ApiVersion.incompatibility(null)).contains("'null'");
    }
}
