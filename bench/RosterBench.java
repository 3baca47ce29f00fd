import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Roster import baseline for bench/run: "write FILE N" makes an N-row 花名册 (.xlsx, the import's columns);
 * "read FILE" times a plain POI read of every cell as text, best of 3, and prints POI_READ_MS=…
 */
public class RosterBench {

    private static final String[] HEADERS = {"姓名", "性别", "出生日期", "参加工作时间", "职称", "学科", "手机号码"};
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红兰燕文辉建国志鹏春梅海波雪琳晨宇欣怡佳颖";
    private static final String[] TITLES = {"三级教师", "二级教师", "一级教师", "一级教师", "高级教师"};
    private static final String[] SUBJECTS = {"语文", "数学", "英语", "科学", "音乐", "美术", "体育", "道德与法治"};

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        if (args[0].equals("write")) {
            write(file, Integer.parseInt(args[2]));
        } else {
            long best = Long.MAX_VALUE;
            long cells = 0;
            for (int i = 0; i < 3; i++) {
                long t = System.nanoTime();
                cells = read(file);
                best = Math.min(best, System.nanoTime() - t);
            }
            System.out.println("POI_READ_CELLS=" + cells);
            System.out.println("POI_READ_MS=" + best / 1_000_000);
        }
    }

    static void write(Path file, int rows) throws Exception {
        Random random = new Random(2026);
        LocalDate today = LocalDate.now();
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = book.createSheet("教师花名册");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.length; c++) {
                header.createCell(c).setCellValue(HEADERS[c]);
            }
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                LocalDate birth = today.minusYears(23 + random.nextInt(36)).minusDays(random.nextInt(365));
                LocalDate start = birth.plusYears(22).withMonth(9).withDayOfMonth(1);
                if (start.isAfter(today)) {
                    start = today.minusMonths(2).withDayOfMonth(1);
                }
                row.createCell(0).setCellValue("" + SURNAMES.charAt(random.nextInt(SURNAMES.length()))
                        + GIVEN.charAt(random.nextInt(GIVEN.length())) + GIVEN.charAt(random.nextInt(GIVEN.length())));
                row.createCell(1).setCellValue(random.nextInt(10) < 7 ? "女" : "男");
                Cell b = row.createCell(2);
                b.setCellValue(birth);
                b.setCellStyle(date);
                Cell s = row.createCell(3);
                s.setCellValue(start);
                s.setCellStyle(date);
                row.createCell(4).setCellValue(TITLES[random.nextInt(TITLES.length)]);
                row.createCell(5).setCellValue(SUBJECTS[random.nextInt(SUBJECTS.length)]);
                row.createCell(6).setCellValue(String.valueOf(15_000_000_000L + r)); // 150… never used by the generator
            }
            book.write(out);
        }
        System.out.println("ROSTER_ROWS=" + rows);
    }

    /** Every cell as the text a person sees, which is what an importer has to do at least. */
    static long read(Path file) throws Exception {
        DataFormatter formatter = new DataFormatter();
        long cells = 0;
        try (InputStream in = Files.newInputStream(file); Workbook book = WorkbookFactory.create(in)) {
            for (Row row : book.getSheetAt(0)) {
                for (Cell cell : row) {
                    if (!formatter.formatCellValue(cell).isEmpty()) {
                        cells++;
                    }
                }
            }
        }
        return cells;
    }
}
