package org.jiaoyan.profile.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jiaoyan.profile.GrowthProfile;
import org.jiaoyan.profile.Profiles;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The growth profile as JSON: per school year every list with its rows, and the trend of the scores received. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "成长档案", description = "教师历年的计划、活动、集体备课、听课与被听课、青蓝结对、学期考核与月查，按学年排列")
class ProfileApi {

    private final Profiles profiles;
    private final MessageSource messages;

    ProfileApi(Profiles profiles, MessageSource messages) {
        this.profiles = profiles;
        this.messages = messages;
    }

    record RowJson(LocalDate date, @Nullable String link, List<String> cells) {
    }

    record TableJson(String id, String title, List<String> columns, List<RowJson> rows) {
    }

    record YearJson(int year, String label, List<TableJson> tables) {
    }

    record TrendJson(String term, int lessons, String average, String lowest, String highest) {
    }

    record ProfileJson(long personId, String name, List<String> groups, int fromYear, int toYear, List<YearJson> years,
                       List<TrendJson> trend) {
    }

    @Operation(operationId = "getGrowthProfile", summary = "一位教师的成长档案：教师本人、所在组的组长、本校领导、本县区教研员可看")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "教师不存在，或不在账号的数据范围内")
    @ApiResponse(responseCode = "422", description = "学年范围不正确（倒置或超出范围）")
    @GetMapping("/profiles/{personId}")
    ProfileJson profile(@PathVariable long personId, @Parameter(description = "起始学年，如 2024 表示 2024—2025学年；默认近五个学年")
                        @RequestParam(required = false) @Nullable Integer fromYear,
                        @Parameter(description = "结束学年，默认本学年") @RequestParam(required = false) @Nullable Integer toYear,
                        Locale locale) {
        GrowthProfile p = profiles.profile(personId, profiles.range(fromYear, toYear, LocalDate.now()), locale);
        return new ProfileJson(p.person().id(), p.person().name(), p.groups(), p.range().fromYear(), p.range().toYear(),
                p.years().stream().map(y -> new YearJson(y.year(), y.label(), y.tables().stream()
                        .map(t -> new TableJson(t.id(), messages.getMessage(t.titleKey(), null, locale),
                                t.columnKeys().stream().map(k -> messages.getMessage(k, null, locale)).toList(),
                                t.rows().stream().map(r -> new RowJson(r.date(), r.link(), r.cells())).toList()))
                        .toList())).toList(),
                p.trend().stream().map(s -> new TrendJson(s.label(), s.lessons(), s.average(), s.lowest(), s.highest())).toList());
    }

    @Operation(operationId = "getMyGrowthProfile", summary = "我的成长档案")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "账号未关联教师")
    @GetMapping("/me/profile")
    ProfileJson mine(@RequestParam(required = false) @Nullable Integer fromYear, @RequestParam(required = false) @Nullable Integer toYear,
                     Locale locale) {
        return profile(profiles.myPersonId(), fromYear, toYear, locale);
    }
}
