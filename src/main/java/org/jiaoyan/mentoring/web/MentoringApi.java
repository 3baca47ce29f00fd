package org.jiaoyan.mentoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jiaoyan.mentoring.MentorPair;
import org.jiaoyan.mentoring.MentorPairs;
import org.jiaoyan.mentoring.PairSummary;
import org.jiaoyan.mentoring.WeekMatrix;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST for 青蓝工程 pairs under /api/v1/mentoring/pairs, with the pages' data scope. */
@RestController
@RequestMapping("/api/v1/mentoring/pairs")
@Tag(name = "青蓝工程", description = "师徒结对：学年结对、互相听课小结和每周互听情况")
class MentoringApi {

    private final MentorPairs pairs;

    MentoringApi(MentorPairs pairs) {
        this.pairs = pairs;
    }

    @Operation(operationId = "listMentorPairs", summary = "某学年可见的师徒结对（year: 2026 表示 2026—2027学年）")
    @GetMapping
    List<MentorPair> list(@RequestParam(required = false) @Nullable Integer year, @RequestParam(required = false) @Nullable Long schoolId) {
        return pairs.list(year != null ? year : MentorPairs.currentSchoolYear(LocalDate.now()), schoolId);
    }

    @Operation(operationId = "getMentorPair", summary = "一对师徒的学年小结：互相听课次数、互听周数、徒弟被听课与公开课")
    @GetMapping("/{id}")
    PairSummary get(@PathVariable long id) {
        return pairs.summary(id, LocalDate.now());
    }

    @Operation(operationId = "getMentorPairWeeks", summary = "一对师徒某学期每个教学周的互听情况")
    @GetMapping("/{id}/weeks")
    WeekMatrix weeks(@PathVariable long id, @RequestParam long termId) {
        MentorPair p = pairs.get(id);
        SchoolTerm t = pairs.termsOf(p.schoolYear()).stream().filter(x -> x.id() == termId).findFirst()
                .orElseThrow(NotFoundException::new);
        return pairs.weeks(List.of(p), t, LocalDate.now());
    }

    @Operation(operationId = "createMentorPair", summary = "新建结对（教科室主任）；不符合条件时须填写 overrideReason")
    @ApiResponse(responseCode = "201", description = "已创建；Location 头为新记录的地址", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "账号不属于任何学校且未给出 schoolId")
    @PostMapping
    ResponseEntity<MentorPair> create(@RequestBody PairRequest body) {
        Long school = body.schoolId() != null ? body.schoolId() : Access.user().institutionId();
        if (school == null) {
            throw new NotFoundException();
        }
        long id = pairs.create(school, body.schoolYear() != null ? body.schoolYear() : MentorPairs.currentSchoolYear(LocalDate.now()),
                body.mentorId(), body.apprenticeId(), body.overrideReason(), body.note());
        return ResponseEntity.created(URI.create("/api/v1/mentoring/pairs/" + id)).body(pairs.get(id));
    }

    record PairRequest(@Nullable Long schoolId, @Nullable Integer schoolYear, @Nullable Long mentorId,
                       @Nullable Long apprenticeId, @Nullable String overrideReason, @Nullable String note) {
    }
}
