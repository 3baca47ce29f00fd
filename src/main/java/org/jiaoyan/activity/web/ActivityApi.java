package org.jiaoyan.activity.web;

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
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jiaoyan.activity.Activities;
import org.jiaoyan.activity.Activity;
import org.jiaoyan.activity.ActivityData;
import org.jiaoyan.activity.ActivityFilter;
import org.jiaoyan.activity.ActivityRow;
import org.jiaoyan.activity.Attendance;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API for group activities, with the same services and data scope as the pages. */
@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "教研活动", description = "教研活动：查询、详情与签到情况、新建（可关联计划事项）")
class ActivityApi {

    private final Activities activities;

    ActivityApi(Activities activities) {
        this.activities = activities;
    }

    @Operation(operationId = "listActivities", summary = "可见的活动列表（分页，按类型、组织者、日期、主题筛选）")
    @GetMapping
    PageResult<ActivityRow> list(@RequestParam(required = false) @Nullable Long typeId,
                                 @RequestParam(required = false) @Nullable Long unitId,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                                 @RequestParam(required = false) @Nullable String q,
                                 @RequestParam(required = false) @Nullable Integer page,
                                 @RequestParam(required = false) @Nullable Integer size) {
        return activities.list(new ActivityFilter(typeId, unitId, from, to, q), PageQuery.of(page, size, null, null));
    }

    @Operation(operationId = "getActivity", summary = "活动详情，含签到情况（已签到 / 迟到 / 缺席 / 未签到）")
    @GetMapping("/{id}")
    ActivityJson get(@PathVariable long id) {
        Activity a = activities.get(id);
        LocalDateTime now = LocalDateTime.now();
        return new ActivityJson(a.id(), a.title(), a.typeName(), a.organiserUnitId(), a.organiserName(), a.startsAt(), a.endsAt(),
                a.place(), a.planItemId(), a.planText(), a.recordText(), a.summaryText(),
                activities.attendance(id).stream().map(x -> new AttendanceJson(x.personId(), x.name(), x.signedAt(),
                        x.state(a, now))).toList());
    }

    @Operation(operationId = "createActivity", summary = "新建活动（组织者：学校管理员或本组组长）；planItemId 关联计划事项，事项状态随之更新")
    @ApiResponse(responseCode = "201", description = "已创建；Location 头为新记录的地址",
            content = @Content(mediaType = "application/json", schemaProperties =
                    @SchemaProperty(name = "id", schema = @Schema(type = "integer", format = "int64", description = "新记录的 id"))))
    @PostMapping
    ResponseEntity<Map<String, Long>> create(@Valid @RequestBody ActivityRequest body) {
        long id = activities.create(new ActivityData(body.organiserUnitId(), body.typeId(), body.title(), body.startsAt(),
                body.endsAt(), body.place(), Boolean.TRUE.equals(body.everyone()), body.planItemId()));
        return ResponseEntity.created(URI.create("/api/v1/activities/" + id)).body(Map.of("id", id));
    }

    record ActivityRequest(@NotNull Long organiserUnitId, @NotNull Long typeId, @NotBlank @Size(max = 200) String title,
                           @NotNull LocalDateTime startsAt, @NotNull LocalDateTime endsAt, @Nullable @Size(max = 100) String place,
                           @Nullable Boolean everyone, @Nullable Long planItemId) {
    }

    record ActivityJson(long id, String title, String type, long organiserUnitId, String organiser, LocalDateTime startsAt,
                        LocalDateTime endsAt, @Nullable String place, @Nullable Long planItemId, @Nullable String plan,
                        @Nullable String record, @Nullable String summary, List<AttendanceJson> attendance) {
    }

    record AttendanceJson(long personId, String name, @Nullable LocalDateTime signedAt, Attendance.State state) {
    }
}
