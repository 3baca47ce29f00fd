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

    @Test
    void aTableWithTheMonthsAsColumnsGivesAnItemPerFilledCell() {
        String plan = "某校工作计划\n四、月工作安排表\n项目\t九月\t十月\t全学期常规\t负责人\n"
                + "课题研究\t开题论证\t\t资料月报\t刘国华\n论文\t\t论文初评；修改推荐\t\t许静\n\n备注：空白处无专项活动。\n";
        assertThat(items(plan)).extracting(ParsedItem::category, ParsedItem::content, ParsedItem::months, ParsedItem::owner)
                .containsExactly(tuple("课题研究", "开题论证", List.of(9), "刘国华"), tuple("课题研究", "资料月报", null, "刘国华"),
                        tuple("论文", "论文初评", List.of(10), "许静"), tuple("论文", "修改推荐", List.of(10), "许静"));
        // one month column is no sideways table: 项目 | 九月 | 负责人 is not taken for one
        assertThat(MonthColumns.header("项目\t九月\t负责人")).isNull();
        assertThat(MonthColumns.header("序号\t工作内容\t完成时间")).isNull();
    }

    @Test
    void aPlanWithoutAScheduleHeadingReadsItsTaskListsWithTimesAndOwners() {
        String plan = """
                城东中学2027年春学期教研室工作计划
                一、指导思想
                以课堂教学改革为突破口。
                三、重点工作
                (一)常规教研
                1、各备课组每周开展一次集体备课活动。
                   完成时间：每周二    责任人：各备课组长
                2、３月份举行“同课异构”教研周活动，由杨志刚负责。
                3、4月中旬对县级立项课题进行中期检查，由高秀兰负责。
                4、新教师岗前培训。
                   完成时间：开学初    责任人：高秀兰
                """;
        assertThat(items(plan)).extracting(ParsedItem::content, ParsedItem::months, ParsedItem::repeat, ParsedItem::owner)
                .containsExactly(tuple("各备课组每周开展一次集体备课活动", null, ParsedItem.WEEKLY, "各备课组长"),
                        tuple("举行“同课异构”教研周活动", List.of(3), null, "杨志刚"),
                        tuple("对县级立项课题进行中期检查", List.of(4), null, "高秀兰"),
                        tuple("新教师岗前培训", List.of(2), null, "高秀兰"));
        // with a schedule part, a measures section that names owners is still prose
        String withSchedule = "某校工作计划\n三、主要措施\n1．9月份完成开题，由徐建平负责。\n2．10月组织自查，由王丽负责。\n"
                + "3．11月开展展示，由李明负责。\n四、具体工作安排\n九月份：\n1．制定计划（教科室）\n";
        assertThat(items(withSchedule)).extracting(ParsedItem::content).containsExactly("制定计划");
    }

    @Test
    void aPdfCopyWrappedByThePageReadsAsTheItemsItHolds() {
        String plan = """
                西塘实验小学2026—2027学年第一学期教科室工作计划
                四、月份工作安排
                1．9月上旬，召开教研组长会议，解读学期教科研工作计划，明
                确各组工作重点和要求。（责任人：孙晓华）
                2．12月，组织教师参加市教育学会年会论文评比，做好论文的

                第 2 页 共 3 页

                西塘实验小学教科室工作计划
                修改与推荐工作。（责任人：梁红英）
                3．元月中旬，完成学期教科研工作总结。
                （责任人：孙晓华）

                　　教科室将根据上级部门的工作安排对以上计划作适当调整，
                请各位老师关注学校工作群通知。

                西塘实验小学教科室
                2026年8月29日

                第 3 页 共 3 页
                """;
        assertThat(items(plan)).extracting(ParsedItem::content, ParsedItem::months, ParsedItem::owner).containsExactly(
                tuple("召开教研组长会议，解读学期教科研工作计划，明确各组工作重点和要求", List.of(9), "孙晓华"),
                tuple("组织教师参加市教育学会年会论文评比，做好论文的修改与推荐工作", List.of(12), "梁红英"),
                tuple("完成学期教科研工作总结", List.of(1), "孙晓华"));
    }

    @Test
    void routineListsAreItemsThatRepeatAndWeekRowsKeepTheirNextActivities() {
        String plan = """
                石桥镇中心幼儿园2027年春季学期保教工作计划
                【指导思想】
                提升保教质量。
                【常规工作】
                每月常规：晨午检、区域活动检查、教研学习。
                【月工作安排】
                二月份
                ★ 开学环境布置 —— 后勤组
                """;
        assertThat(items(plan)).extracting(ParsedItem::content, ParsedItem::months, ParsedItem::repeat, ParsedItem::owner)
                .containsExactly(tuple("晨午检", null, ParsedItem.MONTHLY, ""), tuple("区域活动检查", null, ParsedItem.MONTHLY, ""),
                        tuple("教研学习", null, ParsedItem.MONTHLY, ""), tuple("开学环境布置", List.of(2), null, "后勤组"));
        String weeks = """
                金山初级中学行事历
                三、行事历
                每周常规
                    周二下午  各教研组集体备课 —— 各教研组长
                第1周　教学常规工作检查 —— 教务处
                　　　　制订学期计划 / 各教研组长
                第2周　教研组长会议 —— 教科室
                　　　　学雷锋主题教育活动 —— 团委
                """;
        assertThat(items(weeks)).extracting(ParsedItem::content, ParsedItem::weeks, ParsedItem::repeat, ParsedItem::owner)
                .containsExactly(tuple("各教研组集体备课", null, ParsedItem.WEEKLY, "各教研组长"),
                        tuple("教学常规工作检查", List.of(1), null, "教务处"), tuple("制订学期计划", List.of(1), null, "各教研组长"),
                        tuple("教研组长会议", List.of(2), null, "教科室"), tuple("学雷锋主题教育活动", List.of(2), null, "团委"));
    }

    @Test
    void aTwoColumnTableKeepsMergedTimesWrappedContentsAndSharedOwners() {
        String plan = "某校工作安排\n三、工作安排（见下表）\n时间\t工作内容\n"
                + "10月下旬\t“135”读书交流活动；教师读书笔记检查（吴海燕）\n11月\t期中质量检测（教导处）\n"
                + "\t骨干教师示范课（教科室）\n4月\t母乳喂养知识培训，\n\t同步更新宣教资料（赵晓燕）\n";
        assertThat(items(plan)).extracting(ParsedItem::content, ParsedItem::months, ParsedItem::owner).containsExactly(
                tuple("“135”读书交流活动", List.of(10), "吴海燕"), tuple("教师读书笔记检查", List.of(10), "吴海燕"),
                tuple("期中质量检测", List.of(11), "教导处"), tuple("骨干教师示范课", List.of(11), "教科室"),
                tuple("母乳喂养知识培训，同步更新宣教资料", List.of(4), "赵晓燕"));
    }

    @Test
    void monthParagraphsThatCountTheirTasks() {
        String plan = """
                某校教科室工作计划
                四、月份工作安排
                　　九月份，重点做好以下工作：一是召开教研组长会议（教科室）；二是各组制定计划并上报（各教研组长）；三是启动论文评选；四是举行推进会（王　敏）。
                　　三至四月份，一是开展晒课活动；二是组织优质课评比。以上两项工作均由教导处负责。
                　　此外，每月做好以下常规工作：一是教育博客统计与通报（教科室）。
                """;
        assertThat(items(plan)).extracting(ParsedItem::content, ParsedItem::months, ParsedItem::repeat, ParsedItem::owner)
                .containsExactly(tuple("召开教研组长会议", List.of(9), null, "教科室"),
                        tuple("各组制定计划并上报", List.of(9), null, "各教研组长"), tuple("启动论文评选", List.of(9), null, ""),
                        tuple("举行推进会", List.of(9), null, "王敏"), tuple("开展晒课活动", List.of(3, 4), null, "教导处"),
                        tuple("组织优质课评比", List.of(3, 4), null, "教导处"),
                        tuple("教育博客统计与通报", null, ParsedItem.MONTHLY, "教科室"));
    }

    @Test
    void chineseNumberedMonthsWithNotesAndLabelledOwners() {
        String plan = """
                城南中学2025-2026学年度第二学期教务处工作计划
                四、工作行事历
                （一）二月份（开学准备）
                    1．教师集中培训及开学工作会议。                 责任处室：教务处
                    2．学生报到、排定课程表。
                                                                     责任处室：教务处、总务处
                （二）三月份
                    1．初三年级第一次模拟考试。           责任处室：初三年级组
                       要求：各备课组形成书面分析报告，3月底前交教务处。
                """;
        assertThat(items(plan)).extracting(ParsedItem::content, ParsedItem::months, ParsedItem::owner).containsExactly(
                tuple("教师集中培训及开学工作会议", List.of(2), "教务处"), tuple("学生报到、排定课程表", List.of(2), "教务处、总务处"),
                tuple("初三年级第一次模拟考试", List.of(3), "初三年级组"));
    }

    @Test
    void aWeeklyRoutineTableAndAVisitScheduleWithColumnsThatAreNoOwners() {
        String routine = "某科室计划\n三、每周质控安排\n           周一            周二            周三\n"
                + "项目       交接班质控      病历书写质控    护理查房\n负责人     刘芳            陈静            护士长\n";
        assertThat(items(routine)).extracting(ParsedItem::content, ParsedItem::repeat, ParsedItem::owner).containsExactly(
                tuple("交接班质控", ParsedItem.WEEKLY, "刘芳"), tuple("病历书写质控", ParsedItem.WEEKLY, "陈静"),
                tuple("护理查房", ParsedItem.WEEKLY, "护士长"));
        String visits = "县教研室活动安排表\n二、活动安排\n"
                + "日期            承办学校        片区      学科            活动形式                   执教/主讲     负责教研员\n"
                + "3月10日         城关一小        城关片    小学语文        整本书阅读教学研讨         张丽          刘敏\n"
                + "4月上旬         各校            全县      小学各学科      教学常规专项视导           ——            各学科教研员\n";
        assertThat(items(visits)).extracting(ParsedItem::content, ParsedItem::months, ParsedItem::owner).containsExactly(
                tuple("整本书阅读教学研讨", List.of(3), "刘敏"), tuple("教学常规专项视导", List.of(4), "各学科教研员"));
    }

    @Test
    void twoPlansInOneFileKeepTheirOwnersApart() {
        String plan = """
                南湖小学2025年秋学期教科室工作计划
                三、工作安排
                元月份：
                    1、学期教科研工作总结（负责人：教科室）

                                                             南湖小学教科室
                                                             2025年8月30日
                ————————————————————————
                南湖小学2025年秋学期教导处工作计划
                三、教学工作周历
                    第1周：开学常规检查；学生作息时间调整——教导处
                """;
        assertThat(items(plan)).extracting(ParsedItem::content, ParsedItem::weeks, ParsedItem::owner).containsExactly(
                tuple("学期教科研工作总结", null, "教科室"), tuple("开学常规检查", List.of(1), "教导处"),
                tuple("学生作息时间调整", List.of(1), "教导处"));
    }
}
