package org.jiaoyan.observation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiaoyan.TestUsers;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.DataScope;
import org.jiaoyan.security.Role;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What observation tests share: the demo accounts, a signed-in person without an account (an observed teacher sees
 * only themselves), and a quick observation on a two-criterion form.
 */
public record ObservationFixtures(UserDetailsService users, Observations observations, EvaluationForms forms) {

    public CurrentUser user(String name) {
        return TestUsers.load(users, name);
    }

    /** A teacher of the institution signed in with the self-only scope every teacher has. */
    public static CurrentUser person(long personId, long institutionId) {
        return new CurrentUser(0, "p" + personId, "教师" + personId, personId, institutionId, Set.of(Role.TEACHER),
                new DataScope(false, Set.of(), Set.of(), Set.of(), personId), "", true, true);
    }

    /** A POINTS form of jks's school with criteria worth 60 and 40. */
    public long twoCriterionForm(String name) {
        CurrentUser jks = user("jks");
        return Access.as(jks, () -> forms.create(jks.institutionId(), name, Scoring.POINTS, null, List.of(
                new CriterionData("教学目标", "目标明确", null, BigDecimal.valueOf(60), false),
                new CriterionData("教学效果", "目标达成", null, BigDecimal.valueOf(40), false))));
    }

    /** The observer scores the teacher's lesson on the form: the first criterion a, the second b. */
    public long observe(CurrentUser observer, long teacherId, long formId, String topic, double a, double b, LocalDate on) {
        return Access.as(observer, () -> {
            FormVersion v = forms.current(formId);
            return observations.create(new ObservationData(teacherId, on, "三(2)班", "CHINESE", topic, LessonType.OPEN, formId,
                    Map.of(v.criteria().get(0).id(), BigDecimal.valueOf(a), v.criteria().get(1).id(), BigDecimal.valueOf(b)),
                    Map.of(), "导入自然", "多给学生时间", null, null));
        });
    }
}
