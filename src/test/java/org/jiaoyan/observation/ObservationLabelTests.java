package org.jiaoyan.observation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An observed lesson reads 王丽《秋天的雨》 in the audit log and plan links, whether or not the topic was typed with 《》. */
class ObservationLabelTests {

    @Test
    void topicIsPutInTitleMarksOnce() {
        assertThat(Observation.label("王丽", "秋天的雨")).isEqualTo("王丽《秋天的雨》");
        assertThat(Observation.label("卢军", "《桂林山水》")).isEqualTo("卢军《桂林山水》");
        assertThat(Observation.label("卢军", " 《桂林山水》第二课时")).isEqualTo("卢军《桂林山水》第二课时");
    }
}
