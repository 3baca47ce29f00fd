package org.jiaoyan.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jiaoyan.assessment.Appeals;
import org.jiaoyan.assessment.CheckLevel;
import org.jiaoyan.assessment.ResultStatus;
import org.jiaoyan.assessment.SchemeItemKind;
import org.jiaoyan.assessment.SchemeWords;
import org.jiaoyan.assessment.ScoreBoard;
import org.jiaoyan.assessment.Scorecard;
import org.jiaoyan.assessment.Scorecards;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for 学期考核: a school's board, a scorecard with its lines, the user's own card, appeals (list, file, accept,
 * reject), with the pages' services and data scope. termId defaults to the current term, level to TEACHERS.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "学期考核", description = "考核细则计算的学期得分：排名表、个人（组）得分表及每一项的依据、申诉及其处理")
class ScoreApi {

    private final Scorecards scorecards;
    private final Appeals appeals;
    private final SchemeWords words;
    private final ScorePages pages;

    ScoreApi(Scorecards scorecards, Appeals appeals, SchemeWords words, ScorePages pages) {
        this.scorecards = scorecards;
        this.appeals = appeals;
        this.words = words;
        this.pages = pages;
    }

    @Operation(operationId = "getScoreBoard", summary = "学期考核排名表：每位教师（或每个教研组、备课组）一行，按名次排列，免考的在后；"
            + "公示后为公示时冻结的结果；schoolId 默认为本校；学校的领导和县区看到全部行，其他人只看到自己（和自己负责的组）的行")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "学期不存在；学校不存在或不在账号的数据范围内")
    @GetMapping("/scorecards")
    BoardJson board(@RequestParam(required = false) @Nullable Long termId, @RequestParam(required = false) @Nullable Long schoolId,
                    @Parameter(description = "TEACHERS（教师，默认）或 GROUPS（教研组、备课组）")
                    @RequestParam(required = false) @Nullable CheckLevel level) {
        long term = pages.term(termId).id();
        CheckLevel l = ScorePages.level(level);
        Long school = schoolId != null ? schoolId : Access.user().institutionId();
        if (school == null) {
            throw new ValidationException("schoolId", "validation.required");
        }
        ScoreBoard b = scorecards.board(school, term, l);
        return new BoardJson(b.institutionId(), b.termId(), b.level(), b.status(), b.asOf(),
                b.scheme().categories().stream().map(c -> c.name()).toList(),
                b.entries().stream().map(e -> new EntryJson(e.subjectId(), e.name(), e.kind(), toList(e.categoryPoints()), e.total(),
                        e.rank(), e.inPlace(), e.note())).toList());
    }

    @Operation(operationId = "getScorecard", summary = "一位教师（或一个组）的学期得分表：各类、各项得分（项目说明为通俗的计分规则），"
            + "每一项的依据（日期、内容、分数、证据链接）和已采纳的申诉")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "对象不存在，或不在账号的数据范围内（教师只能看自己的）")
    @GetMapping("/scorecards/{subjectId}")
    CardJson card(@PathVariable long subjectId, @RequestParam(required = false) @Nullable Long termId,
                  @RequestParam(required = false) @Nullable CheckLevel level, Locale locale) {
        return json(scorecards.card(pages.term(termId).id(), ScorePages.level(level), subjectId), locale);
    }

    @Operation(operationId = "getMyScorecard", summary = "我的学期得分表（当前用户作为教师）")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "账号未关联本校教师")
    @GetMapping("/me/scorecard")
    CardJson mine(@RequestParam(required = false) @Nullable Long termId, Locale locale) {
        return json(scorecards.mine(pages.term(termId).id()), locale);
    }

    @Operation(operationId = "listAppeals", summary = "申诉：教科室和学校领导看到全校的，其他人看到自己提出的；未处理的在前")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @GetMapping("/appeals")
    List<AppealJson> appeals(@RequestParam(required = false) @Nullable Long termId,
                             @RequestParam(required = false) Appeals.@Nullable Status status) {
        return appeals.list(pages.term(termId).id(), status).stream().map(ScoreApi::json).toList();
    }

    @Operation(operationId = "fileAppeal", summary = "对自己得分表（或自己负责的组的得分表）的一项提出申诉，在申诉截止日期前；"
            + "lineText 为所申诉的那一条依据（可选）")
    @ApiResponse(responseCode = "201", description = "已提出；Location 头为申诉的地址", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = "不是自己的得分表")
    @ApiResponse(responseCode = "404", description = "对象不存在，或不在账号的数据范围内")
    @ApiResponse(responseCode = "422", description = "项目不在细则中、理由为空，已过申诉截止日期，或本学期考核结果已锁定")
    @PostMapping("/appeals")
    ResponseEntity<AppealJson> file(@RequestBody AppealRequest body) {
        List<FieldProblem> missing = new ArrayList<>();
        if (body.subjectId() == null) {
            missing.add(new FieldProblem("subjectId", "validation.required"));
        }
        if (!missing.isEmpty()) {
            throw new ValidationException(missing);
        }
        long term = pages.term(body.termId()).id();
        long id = appeals.file(term, ScorePages.level(body.level()), body.subjectId(), body.itemCode(), body.lineText(), body.reason(), null);
        return ResponseEntity.created(URI.create("/api/v1/appeals/" + id)).body(json(appeals.get(id)));
    }

    @Operation(operationId = "acceptAppeal", summary = "采纳申诉（教科室）：该项得分加减 delta，处理意见显示在教师的得分表上；需带上读取时的 version")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "version 与当前不一致：申诉已被他人处理")
    @ApiResponse(responseCode = "422", description = "delta 为空或为 0、处理意见为空，申诉已处理，或本学期考核结果已锁定")
    @PostMapping("/appeals/{id}/accept")
    AppealJson accept(@PathVariable long id, @RequestBody ResolveRequest body) {
        appeals.accept(id, version(body), body.delta(), body.resolution());
        return json(appeals.get(id));
    }

    @Operation(operationId = "rejectAppeal", summary = "驳回申诉（教科室）：得分不变，处理意见显示给教师；需带上读取时的 version")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "version 与当前不一致：申诉已被他人处理")
    @ApiResponse(responseCode = "422", description = "处理意见为空，申诉已处理，或本学期考核结果已锁定")
    @PostMapping("/appeals/{id}/reject")
    AppealJson reject(@PathVariable long id, @RequestBody ResolveRequest body) {
        appeals.reject(id, version(body), body.resolution());
        return json(appeals.get(id));
    }

    private static int version(ResolveRequest body) {
        if (body.version() == null) {
            throw new ValidationException("version", "validation.required");
        }
        return body.version();
    }

    private CardJson json(Scorecard c, Locale locale) {
        List<CategoryJson> cats = new ArrayList<>();
        for (Scorecard.CategoryCard cat : c.categories()) {
            List<ItemJson> items = new ArrayList<>();
            for (Scorecard.ItemCard i : cat.items()) {
                items.add(new ItemJson(i.item().code(), i.item().kind(), i.item().name(), words.item(i.item(), locale), i.points(),
                        i.raw(), i.capped(), i.note(),
                        i.lines().stream().map(l -> new LineJson(l.on(), l.text(), l.points(), l.link())).toList()));
            }
            cats.add(new CategoryJson(cat.category().name(), cat.category().cap(), cat.category().weight(), cat.points(), cat.capped(), items));
        }
        return new CardJson(c.institutionId(), c.termId(), c.level(), c.subjectId(), c.name(), c.entry().total(), c.entry().rank(),
                c.entry().inPlace(), c.entry().note(), c.asOf(), c.published(), c.locked(), c.changedSincePublished(), cats);
    }

    private static AppealJson json(Appeals.Appeal a) {
        return new AppealJson(a.id(), a.termId(), a.level(), a.subjectId(), a.subjectName(), a.itemCode(), a.itemName(), a.lineText(),
                a.reason(), a.fileName(), a.status(), a.delta(), a.resolution(), a.createdAt(), a.createdBy(), a.resolvedAt(),
                a.resolvedBy(), a.version());
    }

    private static List<Double> toList(double[] values) {
        List<Double> out = new ArrayList<>();
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    // --- JSON ---------------------------------------------------------------------------------------------------

    /** A board: the categories' names (the order of each entry's categoryPoints) and the entries in ranking order. */
    record BoardJson(long schoolId, long termId, CheckLevel level,
                     @Parameter(description = "null：实时计算中；PUBLISHED：公示中；LOCKED：已锁定") @Nullable ResultStatus status,
                     LocalDate asOf, List<String> categories, List<EntryJson> entries) {
    }

    /** A line of the board: total null = 免考; kind = TEACHING_RESEARCH / LESSON_PREP for groups (ranked within their kind). */
    record EntryJson(long subjectId, String name, @Nullable String kind, List<Double> categoryPoints, @Nullable Double total,
                     @Nullable Integer rank, double inPlace, @Nullable String note) {
    }

    record CardJson(long schoolId, long termId, CheckLevel level, long subjectId, String name, @Nullable Double total,
                    @Nullable Integer rank, double inPlace, @Nullable String note, LocalDate asOf, boolean published, boolean locked,
                    boolean changedSincePublished, List<CategoryJson> categories) {
    }

    record CategoryJson(String name, @Nullable Double cap, double weight, double points, boolean capped, List<ItemJson> items) {
    }

    /** An item: points after its cap and accepted appeals, raw before the cap; words = the rule in plain words. */
    record ItemJson(String code, SchemeItemKind kind, String name, String words, double points, double raw, boolean capped,
                    @Nullable String note, List<LineJson> lines) {
    }

    /** A line behind an item: its day, what it is, its points, the path of the evidence in the app. */
    record LineJson(@Nullable LocalDate on, String text, @Nullable Double points, @Nullable String link) {
    }

    record AppealJson(long id, long termId, CheckLevel level, long subjectId, String subjectName, String itemCode, String itemName,
                      @Nullable String lineText, String reason, @Nullable String fileName, Appeals.Status status,
                      @Nullable Double delta, @Nullable String resolution, LocalDateTime createdAt, @Nullable String createdBy,
                      @Nullable LocalDateTime resolvedAt, @Nullable String resolvedBy, int version) {
    }

    /** Body of POST /api/v1/appeals: termId defaults to the current term, level to TEACHERS. */
    record AppealRequest(@Nullable Long termId, @Nullable CheckLevel level, @Nullable Long subjectId, @Nullable String itemCode,
                         @Nullable String lineText, @Nullable String reason) {
    }

    /** Body of accept (version, delta, resolution) and reject (version, resolution). */
    record ResolveRequest(@Nullable Integer version, @Nullable Double delta, @Nullable String resolution) {
    }
}
