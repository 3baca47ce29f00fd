package org.jiaoyan.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class NoticeTests {

    @Test
    void onlyPathsOnThisSiteAreLocalLinks() {
        assertThat(Notice.isLocal("/plans/3")).isTrue();
        assertThat(Notice.isLocal("/people?q=王")).isTrue();
        assertThat(Notice.isLocal("/")).isTrue();
        assertThat(Notice.isLocal(null)).isFalse();
        assertThat(Notice.isLocal("")).isFalse();
        assertThat(Notice.isLocal("plans/3")).isFalse();
        assertThat(Notice.isLocal("https://evil.example")).isFalse();
        assertThat(Notice.isLocal("//evil.example")).isFalse();
        assertThat(Notice.isLocal("/\\evil.example")).isFalse();
        assertThat(Notice.isLocal("/\t/evil.example")).isFalse();
        assertThat(Notice.isLocal("/a\r\nSet-Cookie: x=1")).isFalse();
    }

    @Test
    void anOutsideLinkIsNeverOffered() {
        Notice n = new Notice(1, "test", "标题", null, "https://evil.example", LocalDateTime.now(), null);
        assertThat(n.localLink()).isNull();
        assertThat(n.unread()).isTrue();
    }
}
