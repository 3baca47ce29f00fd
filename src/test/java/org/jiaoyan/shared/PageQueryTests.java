package org.jiaoyan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageQueryTests {

    @Test
    void sizeIsBoundedAndPagesStartAtOne() {
        PageQuery q = PageQuery.of(0, 10_000, null, "desc");
        assertThat(q.page()).isEqualTo(1);
        assertThat(q.size()).isEqualTo(PageQuery.MAX_SIZE);
        assertThat(q.desc()).isTrue();
    }

    @Test
    void aPagePastTheEndMovesToTheLastPage() {
        PageQuery q = new PageQuery(20, 20, "name", false);
        assertThat(q.within(368).page()).isEqualTo(19);
        assertThat(q.within(368).offset()).isEqualTo(360);
        assertThat(q.within(0).page()).isEqualTo(1);
        assertThat(q.within(1000)).isSameAs(q);
    }
}
