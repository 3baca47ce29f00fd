package org.jiaoyan.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads are checked by content: real files of every allowed kind pass, an .exe or a web page renamed does not. */
class UploadsTests {

    @TempDir
    Path dir;

    private Uploads uploads() {
        return new Uploads(new LocalFileStore(dir.toString()), 10);
    }

    @Test
    void realFilesOfEveryAllowedKindPass() throws IOException {
        Uploads uploads = uploads();
        assertStored(uploads, "照片.jpg", image("jpg"), "image/jpeg");
        assertStored(uploads, "照片.JPEG", image("jpg"), "image/jpeg");
        assertStored(uploads, "截图.png", image("png"), "image/png");
        assertStored(uploads, "动图.gif", image("gif"), "image/gif");
        assertStored(uploads, "教案.pdf", pdf(), "application/pdf");
        assertStored(uploads, "说明.txt", "教研活动记录\r\n第一周".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertStored(uploads, "旧说明.txt", "教研活动记录，第一周".getBytes(Charset.forName("GBK")), "text/plain");
        assertStored(uploads, "教案.docx", docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertStored(uploads, "名单.xlsx", xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertStored(uploads, "名单.xls", xls(), "application/vnd.ms-excel");
        assertStored(uploads, "教案.doc", ole2("WordDocument"), "application/msword");
        assertStored(uploads, "教案.wps", ole2("WordDocument"), "application/vnd.ms-works");
        assertStored(uploads, "课件.ppt", ole2("PowerPoint Document"), "application/vnd.ms-powerpoint");
        assertStored(uploads, "资料.zip", zip("a.txt"), "application/zip");
        assertStored(uploads, "IMG_0001.HEIC", isoMedia("heic"), "image/heic"); // iPhone photos
        assertStored(uploads, "IMG_0002.heic", isoMedia("mif1"), "image/heic");
        assertStored(uploads, "公开课.mp4", isoMedia("isom"), "video/mp4");
        assertStored(uploads, "旧教案.doc", "{\\rtf1\\ansi 教案}".getBytes(StandardCharsets.UTF_8), "application/msword");
    }

    @Test
    void programsAndWebPagesRenamedToAnAllowedExtensionAreRefused() throws IOException {
        byte[] exe = exe();
        byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        for (String name : new String[] {"照片.jpg", "教案.pdf", "教案.docx", "名单.xlsx", "教案.doc", "说明.txt", "照片.png"}) {
            assertRefused(name, exe);
            assertRefused(name, html);
        }
        assertRefused("教案.docx", pdf()); // the wrong kind of document
        assertRefused("照片.jpg", pdf());
        assertRefused("教案.pdf", docx());
        assertRefused("名单.xls", xlsx()); // zip is not OLE2
        assertRefused("说明.txt", xls());
        assertRefused("图.png", image("jpg"));
    }

    @Test
    void refusalSaysWhyInChineseAtTheFileField() {
        assertThatThrownBy(() -> uploads().store("照片.jpg", new ByteArrayInputStream(exe())))
                .isInstanceOfSatisfying(UploadRejected.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo("file");
                        assertThat(p.messageKey()).isEqualTo("files.contentMismatch");
                        assertThat(p.args()).containsExactly("jpg");
                    });
                });
        assertThat(dir.toFile().list((d, n) -> !n.startsWith("upload-"))).as("nothing stored").isEmpty();
    }

    @Test
    void anEmptyFileSaysSo() {
        assertThatThrownBy(() -> uploads().store("照片.jpg", new ByteArrayInputStream(new byte[0])))
                .isInstanceOfSatisfying(UploadRejected.class, e -> assertThat(e.messageKey()).isEqualTo("files.empty"));
    }

    private void assertStored(Uploads uploads, String name, byte[] content, String servedAs) throws IOException {
        StoredFile f = uploads.store(name, new ByteArrayInputStream(content));
        assertThat(f.size()).as(name).isEqualTo(content.length);
        assertThat(f.contentType()).as(name).isEqualTo(servedAs);
        try (var in = uploads.open(f.key())) {
            assertThat(in.readAllBytes()).as(name + " stored whole after detection").isEqualTo(content);
        }
    }

    private void assertRefused(String name, byte[] content) {
        assertThatThrownBy(() -> uploads().store(name, new ByteArrayInputStream(content))).as(name)
                .isInstanceOfSatisfying(UploadRejected.class, e -> assertThat(e.messageKey()).isEqualTo("files.contentMismatch"));
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    private static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] docx() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("教研活动方案");
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] xlsx() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("名单").createRow(0).createCell(0).setCellValue("姓名");
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] xls() throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("名单").createRow(0).createCell(0).setCellValue("姓名");
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** An OLE2 compound file with one stream, as Word 97–2003, PowerPoint and WPS files are. */
    private static byte[] ole2(String stream) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), stream);
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static byte[] zip(String entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write("内容".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }

    /** An ISO base media file (HEIC photo, MP4 video) starts with its "ftyp" box naming the brand. */
    private static byte[] isoMedia(String brand) {
        byte[] b = new byte[256];
        b[3] = 0x18;
        System.arraycopy(("ftyp" + brand).getBytes(StandardCharsets.US_ASCII), 0, b, 4, 8);
        System.arraycopy(("0000" + brand + "mif1").getBytes(StandardCharsets.US_ASCII), 0, b, 12, 12);
        return b;
    }

    /** The start of a Windows program: "MZ", the DOS stub, the PE header offset and signature. */
    private static byte[] exe() {
        byte[] b = new byte[1024];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3C] = (byte) 0x80;
        b[0x80] = 'P';
        b[0x81] = 'E';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, b, 0x4E, stub.length);
        Arrays.fill(b, 0x84, 0x90, (byte) 1);
        return b;
    }
}
