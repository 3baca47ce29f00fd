package org.jiaoyan.observation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jiaoyan.observation.EvaluationForm;
import org.jiaoyan.observation.EvaluationForms;
import org.jiaoyan.observation.FormVersion;
import org.jiaoyan.observation.LessonType;
import org.jiaoyan.observation.Observation;
import org.jiaoyan.observation.ObservationData;
import org.jiaoyan.observation.ObservationFilter;
import org.jiaoyan.observation.ObservationRow;
import org.jiaoyan.observation.Observations;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jiaoyan.security.Access;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST for observations (/api/v1/observations) and evaluation forms (/api/v1/forms), with the pages' data scope. */
@RestController
@Tag(name = "听课记录与评价表", description = "听课记录（评分、确认已阅）和各单位的听课评价表及其版本")
class ObservationApi {

    private final Observations observations;
    private final EvaluationForms forms;

    ObservationApi(Observations observations, EvaluationForms forms) {
        this.observations = observations;
        this.forms = forms;
    }

    @Operation(operationId = "listObservations", summary = "可见的听课记录（分页）；whose=MINE 我听的课，OF_ME 听我的课")
    @GetMapping("/api/v1/observations")
    PageResult<ObservationRow> list(@RequestParam(required = false) ObservationFilter.@Nullable Whose whose,
                                    @RequestParam(required = false) @Nullable LocalDate from,
                                    @RequestParam(required = false) @Nullable LocalDate to,
                                    @RequestParam(required = false) @Nullable Long observerId,
                                    @RequestParam(required = false) @Nullable Long teacherId,
                                    @RequestParam(required = false) @Nullable LessonType lessonType,
                                    @RequestParam(required = false) @Nullable String q,
                                    @RequestParam(required = false) @Nullable Integer page,
                                    @RequestParam(required = false) @Nullable Integer size) {
        return observations.list(new ObservationFilter(from, to, whose, observerId, teacherId, lessonType, q),
                PageQuery.of(page, size, null, null));
    }

    @Operation(operationId = "getObservation", summary = "一条听课记录，含评分所用的评价表版本")
    @GetMapping("/api/v1/observations/{id}")
    ObservationJson get(@PathVariable long id) {
        Observation o = observations.get(id);
        return new ObservationJson(o, observations.formOf(o));
    }

    @Operation(operationId = "createObservation", summary = "新增听课记录（听课人为当前用户）；scores 为 评价项id → 分值（权重量表为 1—5 级）")
    @ApiResponse(responseCode = "201", description = "已创建；Location 头为新记录的地址", useReturnTypeSchema = true)
    @PostMapping("/api/v1/observations")
    ResponseEntity<ObservationJson> create(@RequestBody ObservationRequest body) {
        long id = observations.create(body.data());
        Observation o = observations.get(id);
        return ResponseEntity.created(URI.create("/api/v1/observations/" + id)).body(new ObservationJson(o, observations.formOf(o)));
    }

    @Operation(operationId = "acknowledgeObservation", summary = "被听课教师确认已阅，可附回复（version 不一致时 409）")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "version 与当前不一致：记录已被他人修改，什么也没有改")
    @PostMapping("/api/v1/observations/{id}/acknowledge")
    ObservationJson acknowledge(@PathVariable long id, @RequestBody AcknowledgeRequest body) {
        observations.acknowledge(id, body.version(), body.reply());
        Observation o = observations.get(id);
        return new ObservationJson(o, observations.formOf(o));
    }

    @Operation(operationId = "listEvaluationForms", summary = "本单位（或 schoolId 指定单位）的评价表")
    @GetMapping("/api/v1/forms")
    List<EvaluationForm> forms(@RequestParam(required = false) @Nullable Long schoolId) {
        Long school = schoolId != null ? schoolId : Access.user().institutionId();
        return school == null ? List.of() : forms.of(school);
    }

    @Operation(operationId = "getEvaluationForm", summary = "评价表及其当前版本的评价项")
    @GetMapping("/api/v1/forms/{id}")
    FormJson form(@PathVariable long id) {
        return new FormJson(forms.get(id), forms.current(id));
    }

    @Operation(operationId = "getEvaluationFormVersion", summary = "评价表的某一版本（旧听课记录所用）")
    @GetMapping("/api/v1/forms/versions/{versionId}")
    FormVersion version(@PathVariable long versionId) {
        return forms.version(versionId);
    }

    record ObservationJson(Observation observation, @Nullable FormVersion form) {
    }

    record FormJson(EvaluationForm form, FormVersion current) {
    }

    record AcknowledgeRequest(int version, @Nullable String reply) {
    }

    /** Body of POST /api/v1/observations. */
    record ObservationRequest(@Nullable Long teacherId, @Nullable LocalDate observedOn, @Nullable String className,
                              @Nullable String subjectCode, @Nullable String topic, @Nullable LessonType lessonType,
                              @Nullable Long formId, @Nullable Map<Long, BigDecimal> scores, @Nullable Map<Long, String> texts,
                              @Nullable String strengths, @Nullable String suggestions, @Nullable Long activityId,
                              @Nullable Long planItemId) {

        ObservationData data() {
            return new ObservationData(teacherId, observedOn, className, subjectCode, topic,
                    lessonType == null ? LessonType.REGULAR : lessonType, formId, scores == null ? Map.of() : scores,
                    texts == null ? Map.of() : texts, strengths, suggestions, activityId, planItemId);
        }
    }
}
