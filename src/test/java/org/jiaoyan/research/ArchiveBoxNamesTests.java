package org.jiaoyan.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** File and folder names in the exported box: readable Chinese, no path characters, repeated names numbered. */
class ArchiveBoxNamesTests {

    @Test
    void pathAndWindowsCharactersAreReplacedAndLeadingDotsDropped() {
        assertThat(ArchiveBox.safe("../../etc/passwd")).isEqualTo("_.._etc_passwd");
        assertThat(ArchiveBox.safe("作品:1?.txt")).isEqualTo("作品_1_.txt");
        assertThat(ArchiveBox.safe("C:\\学生\\作文.docx")).isEqualTo("C__学生_作文.docx");
        assertThat(ArchiveBox.safe("  ")).isEqualTo("未命名");
        assertThat(ArchiveBox.safe("开题报告.docx")).isEqualTo("开题报告.docx");
    }

    @Test
    void aRepeatedNameGetsItsNumberBeforeTheExtension() {
        Set<String> taken = new HashSet<>();
        assertThat(ArchiveBox.unique(taken, "论文.docx")).isEqualTo("论文.docx");
        assertThat(ArchiveBox.unique(taken, "论文.docx")).isEqualTo("论文 (2).docx");
        assertThat(ArchiveBox.unique(taken, "论文.DOCX")).isEqualTo("论文 (3).DOCX");
        assertThat(ArchiveBox.unique(taken, "说明")).isEqualTo("说明");
        assertThat(ArchiveBox.unique(taken, "说明")).isEqualTo("说明 (2)");
    }

    @Test
    void sizesReadAsBytesKilobytesOrMegabytes() {
        assertThat(ArchiveBox.size(512)).isEqualTo("512 B");
        assertThat(ArchiveBox.size(5 * 1024 + 100)).isEqualTo("5.1 KB");
        assertThat(ArchiveBox.size(3L * 1024 * 1024)).isEqualTo("3.0 MB");
    }
}
