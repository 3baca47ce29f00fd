package org.jiaoyan.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jiaoyan.plan.ItemData;
import org.jiaoyan.plan.ItemStatus;
import org.jiaoyan.plan.Party;
import org.jiaoyan.plan.Plan;
import org.jiaoyan.plan.PlanData;
import org.jiaoyan.plan.PlanFilter;
import org.jiaoyan.plan.PlanItem;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.plan.PlanRow;
import org.jiaoyan.plan.PlanSection;
import org.jiaoyan.plan.PlanStatus;
import org.jiaoyan.plan.PlanTemplate;
import org.jiaoyan.plan.Plans;
import org.jiaoyan.plan.RecordKind;
import org.jiaoyan.plan.parse.ParsedPlan;
import org.jiaoyan.plan.parse.PlanTextParser;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API for plans and their schedule, with the same services and data scope as the pages. */
@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "学期计划", description = "学期工作计划及其事项（行事历）：查询、新建、增改事项、导入预览")
class PlanApi {

    private final Plans plans;
    private final PlanItems items;
    private final MessageSource messages;

    PlanApi(Plans plans, PlanItems items, MessageSource messages) {
        this.plans = plans;
        this.items = items;
        this.messages = messages;
    }

    @Operation(operationId = "listPlans", summary = "可见的计划列表（分页，按学期、状态、标题筛选）")
    @GetMapping
    PageResult<PlanRow> list(@RequestParam(required = false) @Nullable Long termId,
                             @RequestParam(required = false) @Nullable PlanStatus status,
                             @RequestParam(required = false) @Nullable String q,
                             @RequestParam(required = false) @Nullable Integer page,
                             @RequestParam(required = false) @Nullable Integer size) {
        return plans.list(new PlanFilter(termId, null, status, q), PageQuery.of(page, size, null, null));
    }

    @Operation(operationId = "getPlan", summary = "计划详情，含章节与全部事项（事项状态按今天计算）")
    @GetMapping("/{id}")
    PlanJson get(@PathVariable long id) {
        Plan p = plans.get(id);
        LocalDate today = LocalDate.now();
        return new PlanJson(p, plans.sections(id), items.items(id).stream().map(it -> ItemJson.of(it, today)).toList());
    }

    @Operation(operationId = "createPlan", summary = "新建计划（可选模板 SCHOOL_RESEARCH_OFFICE / COUNTY_RESEARCH_OFFICE / HOSPITAL_DEPARTMENT）")
    @ApiResponse(responseCode = "201", description = "已创建；Location 头为新记录的地址",
            content = @Content(mediaType = "application/json", schemaProperties =
                    @SchemaProperty(name = "id", schema = @Schema(type = "integer", format = "int64", description = "新记录的 id"))))
    @PostMapping
    ResponseEntity<Map<String, Long>> create(@Valid @RequestBody PlanRequest body) {
        long id = plans.create(new PlanData(body.unitId(), body.termId(), body.title(), body.template(),
                body.remindDays() == null ? 3 : body.remindDays()));
        return ResponseEntity.created(URI.create("/api/v1/plans/" + id)).body(Map.of("id", id));
    }

    @Operation(operationId = "createPlanItem", summary = "添加事项；计划已发布时须填写 reason（修订原因）")
    @ApiResponse(responseCode = "201", description = "已创建；Location 头为新记录的地址", useReturnTypeSchema = true)
    @PostMapping("/{id}/items")
    ResponseEntity<ItemJson> createItem(@PathVariable long id, @Valid @RequestBody ItemRequest body) {
        long itemId = items.create(id, body.data(), body.reason());
        return ResponseEntity.created(URI.create("/api/v1/plans/" + id + "/items/" + itemId))
                .body(ItemJson.of(items.get(itemId), LocalDate.now()));
    }

    @Operation(operationId = "updatePlanItem", summary = "修改事项（version 不一致时 409）；计划已发布时须填写 reason")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "version 与当前不一致：记录已被他人修改，什么也没有改")
    @PutMapping("/{id}/items/{itemId}")
    ItemJson updateItem(@PathVariable long id, @PathVariable long itemId, @Valid @RequestBody ItemRequest body) {
        requireItemOf(id, itemId);
        items.update(itemId, body.version() == null ? -1 : body.version(), body.data(), body.reason());
        return ItemJson.of(items.get(itemId), LocalDate.now());
    }

    @Operation(operationId = "previewPlanImport", summary = "导入预览：提交计划全文（text/plain），返回识别出的章节和事项；不保存任何数据。"
            + "给出 termId 时，同时按该学期检查每个事项的时间，problems 列出第几个事项的哪个字段有误")
    @PostMapping(path = "/import/preview", consumes = {"text/plain", "application/json"})
    ImportPreview importPreview(@RequestBody String text, @RequestParam(required = false) @Nullable Long termId) {
        return preview(text, termId);
    }

    @Operation(operationId = "previewPlanImportFile", summary = "导入预览：上传计划文件（multipart，字段 file：.docx、.doc、.wps、.xlsx、.xls、有文字的 .pdf、.txt，"
            + "不超过 10 MB），返回识别出的章节和事项；不保存任何数据。无法读取的文件返回 422 和中文说明")
    @PostMapping(path = "/import/preview/file", consumes = "multipart/form-data")
    ImportPreview importPreviewFile(@RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                                    @RequestParam(required = false) @Nullable Long termId) {
        String text;
        try (java.io.InputStream in = file.getInputStream()) {
            text = org.jiaoyan.plan.parse.PlanDocumentReader.read(
                    file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), in);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new org.jiaoyan.shared.ValidationException("file", "plan.import.unreadable", e.getMessage());
        }
        return preview(text, termId);
    }

    private ImportPreview preview(String text, @Nullable Long termId) {
        if (text.isBlank()) {
            throw new org.jiaoyan.shared.ValidationException("text", "plan.import.empty");
        }
        ParsedPlan parsed = new PlanTextParser().parse(text);
        List<ImportPreview.Problem> problems = List.of();
        if (termId != null) {
            List<ItemData> rows = parsed.items().stream().map(it -> new ItemData(it.category(), it.content(),
                    ImportController.timeOf(it), null, it.owner(), null, RecordKind.NONE)).toList();
            problems = items.check(termId, rows).stream().map(p -> new ImportPreview.Problem(
                    p.field() == null ? null : p.field().replaceAll("^items\\[\\d+\\]\\.", ""),
                    p.field() == null || !p.field().startsWith("items[") ? null
                            : Integer.parseInt(p.field().substring(6, p.field().indexOf(']'))) + 1,
                    messages.getMessage(p.messageKey(), p.args(), LocaleContextHolder.getLocale()))).toList();
        }
        return new ImportPreview(parsed, problems);
    }

    /** What the import would create; problems name the item (1-based), the field and the message. */
    record ImportPreview(ParsedPlan plan, List<Problem> problems) {
        record Problem(@Nullable String field, @Nullable Integer item, String message) {
        }
    }

    @Operation(operationId = "getPlanItem", summary = "单个事项")
    @GetMapping("/{id}/items/{itemId}")
    ItemJson item(@PathVariable long id, @PathVariable long itemId) {
        return ItemJson.of(requireItemOf(id, itemId), LocalDate.now());
    }

    private PlanItem requireItemOf(long planId, long itemId) {
        PlanItem it = items.get(itemId);
        if (it.planId() != planId) {
            throw new NotFoundException();
        }
        return it;
    }

    /** Body of POST /api/v1/plans. */
    record PlanRequest(@NotNull Long unitId, @NotNull Long termId, @NotBlank @Size(max = 200) String title,
                       @Nullable PlanTemplate template, @Nullable Integer remindDays) {
    }

    /** Body of POST/PUT items: time as written (9—12月, 第3周, 9.1—9.5, 每周), owners as text. */
    record ItemRequest(@Nullable @Size(max = 100) String category, @NotBlank @Size(max = 1000) String content,
                       @NotBlank @Size(max = 100) String time, @Nullable @Size(max = 300) String owner,
                       @Nullable @Size(max = 300) String participants, @Nullable RecordKind recordKind,
                       @Nullable Integer version, @Nullable @Size(max = 1000) String reason) {

        ItemData data() {
            return new ItemData(category, content, time, null, owner, participants,
                    recordKind == null ? RecordKind.NONE : recordKind);
        }
    }

    record PlanJson(Plan plan, List<PlanSection> sections, List<ItemJson> items) {
    }

    /** An item as the API returns it: months and weeks as integers, status as of today. */
    record ItemJson(long id, @Nullable String category, String content, String time, String timeKind,
                    List<Integer> months, List<Integer> weeks, LocalDate periodStart, LocalDate periodEnd, String owner,
                    boolean ownerAll, List<Party> owners, @Nullable String participants, RecordKind recordKind,
                    ItemStatus status, int records, @Nullable String note, int version) {

        static ItemJson of(PlanItem it, LocalDate today) {
            return new ItemJson(it.id(), it.category(), it.content(), it.timeLabel(), it.time().kind().name(),
                    it.time().months(), it.time().weeks(), it.periodStart(), it.periodEnd(), it.ownerLabel(),
                    it.ownerAll(), it.owners(), it.participantText(), it.recordKind(), it.status(today),
                    it.recordCount(), it.note(), it.version());
        }
    }
}
