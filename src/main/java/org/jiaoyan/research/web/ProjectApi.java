package org.jiaoyan.research.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jiaoyan.research.Decision;
import org.jiaoyan.research.Project;
import org.jiaoyan.research.ProjectLevel;
import org.jiaoyan.research.ProjectStage;
import org.jiaoyan.research.ProjectStages;
import org.jiaoyan.research.Projects;
import org.jiaoyan.research.ResearchTask;
import org.jiaoyan.research.Reviews;
import org.jiaoyan.research.Reviews.Review;
import org.jiaoyan.research.StageRecord;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for 课题研究: the projects the account reads (the pages' data scope: members their projects, the school's
 * office all of the school's, the county's researchers their schools' county-level and above and their own rounds),
 * one project with members, stages and tasks, and the account's own reviews (blind ones without names).
 */
@RestController
@Tag(name = "课题研究", description = "课题：列表与详情（成员及任务数、各阶段截止/提交/结论、逾期标记）、研究任务，以及本人的评审任务（盲评不含姓名和学校）")
class ProjectApi {

    private final Projects projects;
    private final ProjectStages stages;
    private final Reviews reviews;

    ProjectApi(Projects projects, ProjectStages stages, Reviews reviews) {
        this.projects = projects;
        this.stages = stages;
        this.reviews = reviews;
    }

    @Operation(operationId = "listProjects", summary = "可见的课题（分页）：可按级别、阶段、学校、批次、关键词（标题、主持人、编号）筛选；"
            + "mine=true 只列本人参加的课题")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @GetMapping("/api/v1/projects")
    PageResult<ProjectJson> list(@RequestParam(required = false) @Nullable ProjectLevel level,
                                 @RequestParam(required = false) @Nullable ProjectStage stage,
                                 @Parameter(description = "学校（课题所属单位）的 id")
                                 @RequestParam(required = false) @Nullable Long school,
                                 @Parameter(description = "批次的 id")
                                 @RequestParam(required = false) @Nullable Long round,
                                 @Parameter(description = "在标题、主持人姓名和立项编号中查找")
                                 @RequestParam(required = false) @Nullable String q,
                                 @Parameter(description = "true：只列本人是成员（含主持人）的课题")
                                 @RequestParam(defaultValue = "false") boolean mine,
                                 @Parameter(description = "排序：title、level、stage、lead、start、no、school；默认按学校和课题（子课题紧跟主课题）")
                                 @RequestParam(required = false) @Nullable String sort,
                                 @Parameter(description = "asc 或 desc")
                                 @RequestParam(required = false) @Nullable String dir,
                                 @RequestParam(required = false) @Nullable Integer page,
                                 @RequestParam(required = false) @Nullable Integer size) {
        return projects.list(new Projects.Filter(school, level, stage, round, q, mine), PageQuery.of(page, size, sort, dir))
                .map(ProjectJson::of);
    }

    @Operation(operationId = "getProject", summary = "课题详情：基本信息、成员（主持人在前）及各自承担的任务数、五个阶段的截止日期、提交日期、结论和逾期标记")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @GetMapping("/api/v1/projects/{id}")
    ProjectDetailJson get(@PathVariable long id) {
        Project p = projects.get(id);
        LocalDate today = LocalDate.now();
        return new ProjectDetailJson(ProjectJson.of(p), p.summary(), p.approvalLetter(),
                projects.members(id).stream().map(m -> new MemberJson(m.personId(), m.name(), m.lead(), m.tasks())).toList(),
                stages.stages(id).stream().map(s -> StageJson.of(s, today)).toList());
    }

    @Operation(operationId = "listProjectTasks", summary = "课题的研究任务（按成员、截止日期），含完成日期和逾期标记")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @GetMapping("/api/v1/projects/{id}/tasks")
    List<TaskJson> tasks(@PathVariable long id) {
        LocalDate today = LocalDate.now();
        return projects.tasks(id).stream().map(t -> TaskJson.of(t, today)).toList();
    }

    @Operation(operationId = "listMyReviews", summary = "分配给本人的评审（未评分的在前）；盲评时不含主持人和学校（leadName、schoolName 为 null），"
            + "课题以代码（如 A-017）和标题出现")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @GetMapping("/api/v1/research/reviews")
    List<ReviewJson> myReviews() {
        return reviews.mine().stream().map(ReviewJson::of).toList();
    }

    // --- JSON ---------------------------------------------------------------------------------------------------

    /** A project as lists show it; roundId and parentId are null when it belongs to no round / is not a sub-project. */
    record ProjectJson(long id, long schoolId, String schoolName, long organizerId, String organizerName,
                       @Nullable Long roundId, @Nullable String roundName, @Nullable Long parentId, ProjectLevel level,
                       boolean yearly, @Nullable String projectNo, String title, long leadId, String leadName,
                       @Nullable String discipline, @Nullable LocalDate startDate, @Nullable LocalDate endDate,
                       ProjectStage stage, @Nullable LocalDate approvedOn, int version) {
        static ProjectJson of(Project p) {
            return new ProjectJson(p.id(), p.institutionId(), p.institutionName(), p.organizerId(), p.organizerName(),
                    p.roundId(), p.roundName(), p.parentId(), p.level(), p.yearly(), p.projectNo(), p.title(), p.leadId(),
                    p.leadName(), p.discipline(), p.startDate(), p.endDate(), p.stage(), p.approvedOn(), p.version());
        }
    }

    /** A member with the number of research tasks they carry. */
    record MemberJson(long personId, String name, boolean lead, int tasks) {
    }

    /** A stage: late when due and not submitted by today, or submitted after the due date. */
    record StageJson(ProjectStage stage, @Nullable LocalDate dueDate, @Nullable LocalDate submittedOn,
                     @Nullable Decision decision, @Nullable LocalDate decidedOn, @Nullable String comment, boolean late) {
        static StageJson of(StageRecord s, LocalDate today) {
            return new StageJson(s.stage(), s.dueDate(), s.submittedOn(), s.decision(), s.decidedOn(), s.comment(), s.late(today));
        }
    }

    /** A project with its members and stages. */
    record ProjectDetailJson(ProjectJson project, @Nullable String summary, @Nullable String approvalLetter,
                             List<MemberJson> members, List<StageJson> stages) {
    }

    /** A research task: late when not done by its due date (or done after it). */
    record TaskJson(long id, long personId, String personName, String title, LocalDate dueDate, @Nullable LocalDate doneOn,
                    boolean late, int version) {
        static TaskJson of(ResearchTask t, LocalDate today) {
            return new TaskJson(t.id(), t.personId(), t.personName(), t.title(), t.dueDate(), t.doneOn(), t.late(today), t.version());
        }
    }

    /** One of the account's reviews; leadName and schoolName are null in a blind review, total null until submitted. */
    record ReviewJson(long id, long projectId, String projectCode, String projectTitle, ProjectLevel level,
                      @Nullable String leadName, @Nullable String schoolName, ProjectStage stage, String formName,
                      boolean blind, @Nullable BigDecimal total, @Nullable Decision recommendation,
                      @Nullable LocalDateTime submittedAt, int version) {
        static ReviewJson of(Review r) {
            return new ReviewJson(r.id(), r.projectId(), r.projectCode(), r.projectTitle(), r.level(), r.leadName(),
                    r.schoolName(), r.stage(), r.formName(), r.blind(), r.total(), r.recommendation(), r.submittedAt(),
                    r.version());
        }
    }
}
