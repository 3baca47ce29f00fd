package org.jiaoyan.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jiaoyan.JiaoyanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/** Pages are rendered whole before they are sent, so a template error can still become the error page. */
@JiaoyanIntegrationTest
class PageRenderingIntegrationTests {

    @Autowired ThymeleafViewResolver views;

    @Test
    void templatesAreRenderedCompletelyBeforeAnythingIsSent() {
        assertThat(views.getProducePartialOutputWhileProcessing()).isFalse();
    }
}
