package io.modelscout.plugins.weka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.junit.jupiter.api.Test;
import weka.core.WekaPackageManager;

/**
 * Weka creates its home folder the first time any classifier loads. The build points it into the project's target
 * folder through the {@code WEKA_HOME} environment variable; this test fails rather than let a run write to
 * {@code ~/wekafiles}.
 */
final class WekaHomeTest {

    @Test
    void wekaHomeIsTheOneTheBuildNames() {
        String configured = System.getProperty("WEKA_HOME", System.getenv("WEKA_HOME"));
        assertThat(configured).as("WEKA_HOME (environment or system property) for the test JVM").isNotBlank();

        assertThat(WekaPackageManager.WEKA_HOME.getAbsoluteFile()).isEqualTo(new File(configured).getAbsoluteFile());
        assertThat(WekaPackageManager.WEKA_HOME.getAbsoluteFile())
                .isNotEqualTo(new File(System.getProperty("user.home"), "wekafiles").getAbsoluteFile());
    }
}
