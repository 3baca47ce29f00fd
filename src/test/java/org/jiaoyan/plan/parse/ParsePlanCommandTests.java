package org.jiaoyan.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code java -jar jiaoyan.jar parse-plan FILE}. */
class ParsePlanCommandTests {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ParsePlanCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void isRequestedByItsFirstWordOnly() {
        assertThat(ParsePlanCommand.requested(new String[] {"parse-plan", "a.txt"})).isTrue();
        assertThat(ParsePlanCommand.requested(new String[] {"--debug", "parse-plan", "a.txt"})).isTrue();
        assertThat(ParsePlanCommand.requested(new String[] {"generate", "parse-plan"})).isFalse();
        assertThat(ParsePlanCommand.requested(new String[] {"--server.port=8081"})).isFalse();
        assertThat(ParsePlanCommand.requested(new String[0])).isFalse();
    }

    @Test
    void printsThePlanAsJsonWithIntegerMonths() throws IOException {
        Path plan = folder.resolve("计划.txt");
        Files.writeString(plan, """
                某校2026年秋学期教研工作计划
                一、指导思想
                以研促教。
                二、具体工作安排
                周次 时间 工作内容 负责人
                第7—8周 10.13—10.24 骨干教师示范课 教导处
                九月份：
                1．制定计划（负责人：王丽）
                注：如有变动另行通知
                """);

        assertThat(run("parse-plan", plan.toString())).isZero();

        JsonNode json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("title").asString()).isEqualTo("某校2026年秋学期教研工作计划");
        assertThat(json.get("sections").get(0).get("title").asString()).isEqualTo("指导思想");
        JsonNode first = json.get("items").get(0);
        assertThat(first.get("content").asString()).isEqualTo("骨干教师示范课");
        assertThat(first.get("months").get(0).isInt()).isTrue();
        assertThat(first.get("months").get(0).asInt()).isEqualTo(10);
        assertThat(first.get("weeks").toString()).isEqualTo("[7,8]");
        assertThat(first.get("timeText").asString()).isEqualTo("第7—8周 10.13—10.24");
        assertThat(first.get("owner").asString()).isEqualTo("教导处");
        assertThat(first.get("repeat").isNull()).isTrue();
        JsonNode second = json.get("items").get(1);
        assertThat(second.get("weeks").isNull()).isTrue();
        assertThat(second.get("owner").asString()).isEqualTo("王丽");
        assertThat(json.get("unrecognised").get(0).get("line").asInt()).isEqualTo(9);
        assertThat(err.size()).isZero();
    }

    @Test
    void missingFileExitsWith2AndAChineseMessage() {
        assertThat(run("parse-plan", folder.resolve("没有这个文件.txt").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("找不到文件：").contains("没有这个文件.txt");
        assertThat(out.size()).isZero();
    }

    @Test
    void missingArgumentAndOtherFileKindsExitWith2() throws IOException {
        assertThat(run("parse-plan")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("用法：");

        err.reset();
        Path png = Files.write(folder.resolve("plan.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        assertThat(run("parse-plan", png.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("只支持 .docx、.doc、.wps、.xlsx、.xls、.pdf 和 .txt 文件");
    }

    @Test
    void unreadableWordFileExitsWith2() throws IOException {
        Path docx = Files.writeString(folder.resolve("plan.docx"), "not a zip");
        assertThat(run("parse-plan", docx.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("无法读取文件：");
    }

    @Test
    void aNamesFileCutsGluedOwnersAtRealNamesAndEveryFormatIsRead() throws IOException {
        Path plan = Files.writeString(folder.resolve("网页.txt"), "工作安排\n项目工作内容月份负责人课程建设\n开展校本课程展示活动\n"
                + "10—12王海燕李明欧阳晓红\n");
        assertThat(run("parse-plan", plan.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"owner\" : \"王海燕、李明、欧阳晓红\"")
                .contains("\"confidence\" : \"check\"").contains("OWNER_UNGLUED");

        out.reset();
        Path names = Files.writeString(folder.resolve("名单.txt"), "王海燕\n李明\n欧阳晓红\n教科室\n");
        assertThat(run("parse-plan", "--names", names.toString(), plan.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"owner\" : \"王海燕、李明、欧阳晓红\"")
                .contains("\"confidence\" : \"high\"");

        for (String file : java.util.List.of("doc-merged-01.doc", "xls-merged-01.xls", "pdf-table-01.pdf")) {
            out.reset();
            Path copy = folder.resolve(file);
            try (var in = getClass().getResourceAsStream("/plan-fixtures/corpus/" + file)) {
                Files.copy(in, copy);
            }
            assertThat(run("parse-plan", copy.toString())).as(file).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(file).contains("\"months\" : [");
        }
    }
}
