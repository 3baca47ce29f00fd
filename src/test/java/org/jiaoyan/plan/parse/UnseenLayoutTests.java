package org.jiaoyan.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules learnt from plans written blind (hand-labelled by someone who had not seen the parser, now in the corpus as
 * bracketmonth, colorder, dated, hospital, semicolon, spring, wechat and weekcell), each with the neighbours it must not
 * break.
 */
class UnseenLayoutTests {

    private final PlanTextParser parser = new PlanTextParser();

    private List<ParsedItem> items(String text) {
        return parser.parse(text).items();
    }

    @Test
    void theSignatureUnderAPlanIsNeitherAnItemNorTheLastItemsOwner() {
        String plan = "某校2026年秋学期教科室工作安排\n九月份：\n1．制定计划\n2．师徒结对\n\n以上安排如有变动，以周工作通知为准。\n\n育英小学教科室\n2026年8月\n";
        assertThat(items(plan)).extracting(ParsedItem::content, ParsedItem::owner)
                .containsExactly(tuple("制定计划", ""), tuple("师徒结对", ""));
        // the signer and the date on one line, a full date, a county office
        assertThat(items("某校工作安排\n九月份：\n1．制定计划\n东平县教育局教研室 2026年8月30日")).hasSize(1);
        // an owner line that is not followed by a date is still the owner
        assertThat(items("某校工作安排\n九月份：\n1．制定计划\n教导处")).extracting(ParsedItem::owner).containsExactly("教导处");
    }

    @Test
    void ownersAfterADashOrInSquareBracketsAreTakenOff() {
        assertThat(items("某校工作安排\n【九月】\n1．师徒结对，签订协议——陈晓燕\n2．常规检查 [教导处]\n3．读书节【语文教研组】\n4．期中—期末复习"))
                .extracting(ParsedItem::content, ParsedItem::owner)
                .containsExactly(tuple("师徒结对，签订协议", "陈晓燕"), tuple("常规检查", "教导处"), tuple("读书节", "语文教研组"),
                        tuple("期中—期末复习", "")); // a dash between two words that are no owner stays
    }

    @Test
    void aDateBeforeTheContentIsTheItemsTimeAndTwoDatedPartsAreTwoItems() {
        String plan = """
                某中学工作安排
                三、具体工作安排
                1．8月28日，召开教研组长会议。（负责人：马俊）
                2．9月5日前，各教研组上交计划。（负责人：各教研组长）
                7．11月4日—6日，期中考试；11月10日，召开质量分析会。（负责人：教务处）
                12．2027年1月8日前，完成期末复习计划。（负责人：马俊）
                13．1月中旬 期末考试
                """;
        assertThat(items(plan)).extracting(ParsedItem::content, ParsedItem::months, ParsedItem::owner).containsExactly(
                tuple("召开教研组长会议", List.of(8), "马俊"), tuple("各教研组上交计划", List.of(9), "各教研组长"),
                tuple("期中考试", List.of(11), "教务处"), tuple("召开质量分析会", List.of(11), "教务处"),
                tuple("完成期末复习计划", List.of(1), "马俊"), tuple("期末考试", List.of(1), ""));
        // a content that only starts with a month word keeps it; 9.1 is a date, not item 9
        assertThat(items("某校工作安排\n九月份：\n1．九月开学典礼\n9.1 开学典礼（校长室）"))
                .extracting(ParsedItem::content).containsExactly("九月开学典礼", "开学典礼");
    }

    @Test
    void aWeekOfAMonthIsNoTeachingWeekAndAYearOrABoundDoesNotHideTheMonth() {
        assertThat(TimeExpression.readPure("9月第3周", TimeExpression.Unit.NONE).weeks()).isNull();
        assertThat(TimeExpression.readPure("9月第3周", TimeExpression.Unit.NONE).months()).containsExactly(9);
        assertThat(TimeExpression.readPure("第3周", TimeExpression.Unit.NONE).weeks()).containsExactly(3);
        for (String t : List.of("2026.11.5", "2026年11月", "11月底前", "2026.11", "11月5日前后", "11月中旬左右")) {
            assertThat(TimeExpression.readPure(t, TimeExpression.Unit.NONE).months()).as(t).containsExactly(11);
        }
        assertThat(TimeExpression.readPure("开学前", TimeExpression.Unit.NONE).termWord()).isEqualTo("开学前");
    }

    @Test
    void weChatSymbolsReadAsNumberingBulletsAndOwnerLabels() {
        String plan = """
                春晖小学2026年秋学期教科室工作要点
                🎯工作目标
                ❶ 课题引领：区级课题顺利开题。
                📅 9月
                ✔ 制定教科室学期工作计划　👤教科室

                ❷召开教研组长会议
                　　📌负责：邹海燕

                　　新学期，新征程！让我们携手同行，在研究中成长！💪
                — END —
                文字：蒋文婷
                👇点击“阅读原文”查看完整版计划
                """;
        assertThat(items(plan)).extracting(ParsedItem::content, ParsedItem::months, ParsedItem::owner).containsExactly(
                tuple("制定教科室学期工作计划", List.of(9), "教科室"), tuple("召开教研组长会议", List.of(9), "邹海燕"));
    }

    @Test
    void headersADepartmentNamesItsOwnWayAndAnOwnerFirstTable() {
        String hospital = "心内科下半年护理培训计划\n月份\t序号\t培训内容\t培训形式\t授课/负责人\t考核方式\n"
                + "七月\t1\t急性心肌梗死的护理\t理论授课\t李慧\t笔试\n\t2\t心电监护仪使用\t操作示范\t质控护士\t操作考核\n";
        assertThat(items(hospital)).extracting(ParsedItem::content, ParsedItem::months, ParsedItem::owner).containsExactly(
                tuple("急性心肌梗死的护理", List.of(7), "李慧"), tuple("心电监护仪使用", List.of(7), "质控护士"));
        String ownerFirst = "数学教研组工作计划\n三、活动安排\n负责人\t月份\t工作项目\n周建国\t九月\t制定教研组工作计划\n吴静\t元月\t组内命题竞赛\n";
        assertThat(items(ownerFirst)).extracting(ParsedItem::content, ParsedItem::months, ParsedItem::owner).containsExactly(
                tuple("制定教研组工作计划", List.of(9), "周建国"), tuple("组内命题竞赛", List.of(1), "吴静"));
    }

    @Test
    void aLineWrappedAfterInlineItemsGoesOnAndAClosingParagraphIsNoItem() {
        String plan = """
                某校教研工作安排
                十一月：期中质量检测及分析（教导处）；开展“推门课”听评
                课活动；校级小课题开题（钱志刚）；教师读书沙龙。
                元月：期末复习研讨；教研工作总结。

                　　各教研组要根据本计划，结合本组实际制定具体活动方案，确保各项工作落到实处。
                """;
        assertThat(items(plan)).extracting(ParsedItem::content, ParsedItem::owner).containsExactly(
                tuple("期中质量检测及分析", "教导处"), tuple("开展“推门课”听评课活动", ""), tuple("校级小课题开题", "钱志刚"),
                tuple("教师读书沙龙", ""), tuple("期末复习研讨", ""), tuple("教研工作总结", ""));
    }

    @Test
    void anExcelCellWithLineBreaksPastedInQuotesIsOneCell() {
        String plan = "某校2027年春学期工作安排\n月份\t序号\t工作内容\t负责人\n"
                + "三月\t4\t\"1．青年教师过关课\r\n2．师徒互听课检查\"\t教科室\n\t5\t教学常规检查\t教导处\n"
                + "四月\t6\t\"读书节“书香”\"\"启动\"\"\"\t语文组\n";
        assertThat(items(plan)).extracting(ParsedItem::content, ParsedItem::months, ParsedItem::owner).containsExactly(
                tuple("青年教师过关课", List.of(3), "教科室"), tuple("师徒互听课检查", List.of(3), "教科室"),
                tuple("教学常规检查", List.of(3), "教导处"), tuple("读书节“书香”\"启动\"", List.of(4), "语文组"));
        // an unbalanced quote in one cell does not swallow the lines after it
        assertThat(items("某校工作安排\n月份\t工作内容\t负责人\n九月\t\"双减作业研讨\t教导处\n十月\t读书节\t语文组\n")).hasSize(2);
    }
}
