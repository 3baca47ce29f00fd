package org.jiaoyan.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jiaoyan.assessment.CheckCriterion;
import org.jiaoyan.assessment.CheckLevel;
import org.jiaoyan.assessment.CheckNotice;
import org.jiaoyan.assessment.CheckNoticeDocx;
import org.jiaoyan.assessment.CheckNotices;
import org.jiaoyan.assessment.CheckRound;
import org.jiaoyan.assessment.CheckRounds;
import org.jiaoyan.assessment.CheckSheet;
import org.jiaoyan.assessment.CheckStatus;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for 月查: the rounds the account may read (with the pages' data scope), a round with its criteria and ranking
 * (a staff member reading a teachers' round gets only their own line), and the 通报 as a Word file.
 */
@RestController
@RequestMapping("/api/v1/checks")
@Tag(name = "月查考核", description = "月查：教科室对教研组、教研组长对本组教师的每月检查，检查项目、排名与通报（含 Word 文件）")
class CheckApi {

    private final CheckRounds rounds;
    private final CheckNotices notices;
    private final CheckNoticeDocx docx;

    CheckApi(CheckRounds rounds, CheckNotices notices, CheckNoticeDocx docx) {
        this.rounds = rounds;
        this.notices = notices;
        this.docx = docx;
    }

    @Operation(operationId = "listChecks", summary = "可见的月查（分页，月份新的在前）：本校已发布的月查，以及账号管理或负责的月查（含草稿）；"
            + "可按月份、层级和状态筛选")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @GetMapping
    PageResult<CheckRoundJson> list(@Parameter(description = "检查的月份（yyyy-MM）", example = "2026-10")
                                    @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month,
                                    @Parameter(description = "GROUPS：教研组月查；TEACHERS：教师月查")
                                    @RequestParam(required = false) @Nullable CheckLevel level,
                                    @RequestParam(required = false) @Nullable CheckStatus status,
                                    @RequestParam(required = false) @Nullable Integer page,
                                    @RequestParam(required = false) @Nullable Integer size) {
        return rounds.list(month, level, status, PageQuery.of(page, size, null, null)).map(CheckRoundJson::of);
    }

    @Operation(operationId = "getCheck", summary = "月查详情：通报正文、检查项目和按名次排列的各行（每项得分与总分）；教师月查中，"
            + "普通教师只得到本人的一行（wholeRanking 为 false，ranked 为参加排名的人数）")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @GetMapping("/{id}")
    CheckDetailJson get(@PathVariable long id) {
        return CheckDetailJson.of(notices.notice(id));
    }

    @Operation(operationId = "getCheckNoticeDocx", summary = "月查通报的 Word 文件（公文格式：红头、文号、标题、正文、排名表、落款和日期）；"
            + "排名表的行与 getCheck 相同")
    @ApiResponse(responseCode = "200", description = "Word 文件（.docx），Content-Disposition 中带文件名",
            content = @Content(mediaType = CheckNoticeDocx.CONTENT_TYPE, schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/{id}/notice.docx")
    ResponseEntity<byte[]> noticeDocx(@PathVariable long id,
                                      @Parameter(description = "false：不带红头（发文机关标志和红色分隔线）")
                                      @RequestParam(defaultValue = "true") boolean redHeader, Locale locale) {
        return notice(docx.write(id, redHeader, locale));
    }

    // --- JSON ---------------------------------------------------------------------------------------------------

    /** A round; groupId and groupName are set for a teachers' round (the group whose teachers are checked). */
    record CheckRoundJson(long id, long schoolId, @Schema(type = "string", example = "2026-10") YearMonth month, CheckLevel level,
                          @Nullable Long groupId, @Nullable String groupName, String title, @Nullable String docNumber,
                          @Nullable String noticeText, CheckStatus status, int revision, int version) {
        static CheckRoundJson of(CheckRound r) {
            return new CheckRoundJson(r.id(), r.institutionId(), r.month(), r.level(), r.groupId(), r.groupName(), r.title(),
                    r.docNumber(), r.noticeText(), r.status(), r.revision(), r.version());
        }
    }

    /** A criterion: RULE is scored from the month's compliance with a rule (ruleId), MANUAL by the checker. */
    record CriterionJson(long id, CheckCriterion.Kind kind, @Nullable Long ruleId, String name, double maxScore) {
    }

    /** A criterion's score of a line; score is null while not scored. */
    record ScoreJson(long criterionId, @Nullable Double score, @Nullable String comment) {
    }

    /** A ranked line: equal totals share a rank (1, 1, 3); own marks the reader's own line or group. */
    record LineJson(int rank, long subjectId, String name, double total, boolean own, List<ScoreJson> scores) {
    }

    /**
     * A round with its criteria and lines in ranking order; ranked is how many lines were ranked, wholeRanking false
     * when only the reader's own line is given; publishedOn is null until published.
     */
    record CheckDetailJson(CheckRoundJson round, List<CriterionJson> criteria, List<LineJson> lines, int ranked,
                           boolean wholeRanking, @Nullable LocalDate publishedOn) {
        static CheckDetailJson of(CheckNotice n) {
            List<LineJson> lines = new ArrayList<>();
            for (CheckSheet.Line l : n.lines()) {
                List<ScoreJson> scores = new ArrayList<>();
                for (CheckCriterion c : n.criteria()) {
                    CheckSheet.Score s = l.score(c.id());
                    scores.add(new ScoreJson(c.id(), s == null ? null : s.score(), s == null ? null : s.comment()));
                }
                lines.add(new LineJson(l.rank(), l.subjectId(), l.name(), l.total(), n.isOwn(l), scores));
            }
            return new CheckDetailJson(CheckRoundJson.of(n.round()),
                    n.criteria().stream().map(c -> new CriterionJson(c.id(), c.kind(), c.ruleId(), c.name(), c.maxScore())).toList(),
                    lines, n.ranked(), n.wholeRanking(), n.publishedOn());
        }
    }

    /** The 通报 as a Word attachment (the round page's download too). */
    static org.springframework.http.ResponseEntity<byte[]> notice(org.jiaoyan.assessment.CheckNoticeDocx.File file) {
        return org.jiaoyan.web.Downloads.attachment(file.fileName(), org.jiaoyan.assessment.CheckNoticeDocx.CONTENT_TYPE, file.bytes());
    }
}
