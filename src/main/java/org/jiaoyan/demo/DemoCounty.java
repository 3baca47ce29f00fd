package org.jiaoyan.demo;

import java.util.List;
import org.jiaoyan.account.RoleGrant;
import org.jiaoyan.account.UserAccounts;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.rules.Rules;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start with an empty database (and jiaoyan.demo=true) creates the demo county — a 教研室 and three
 * schools with about 150 teachers — and one account per role, then prints how to sign in.
 */
@Component
@Order(20)
class DemoCounty implements ApplicationRunner {

    /** Demo accounts only; the administrator's password is never fixed (see AdminBootstrap). */
    static final String DEMO_PASSWORD = "jiaoyan2026";

    private static final Logger log = LoggerFactory.getLogger(DemoCounty.class);

    private final DistrictGenerator generator;
    private final UserAccounts accounts;
    private final OrgUnits units;
    private final JdbcClient jdbc;
    private final DemoPlans plans;
    private final DemoActivities demoActivities;
    private final DemoObservations observations;
    private final DemoHospital hospital;
    private final TransactionTemplate transaction;
    private final Rules rules;
    private final DemoChecks checks;
    private final DemoAssessment assessment;
    private final DemoResearch research;
    private final boolean enabled;

    DemoCounty(DistrictGenerator generator, UserAccounts accounts, OrgUnits units, JdbcClient jdbc, DemoPlans plans,
               DemoActivities demoActivities, DemoObservations observations, DemoHospital hospital,
               PlatformTransactionManager transactions, Rules rules, DemoChecks checks, DemoAssessment assessment, DemoResearch research, @Value("${jiaoyan.demo:true}") boolean enabled) {
        this.rules = rules;
        this.checks = checks;
        this.assessment = assessment;
        this.research = research;
        this.generator = generator;
        this.accounts = accounts;
        this.units = units;
        this.jdbc = jdbc;
        this.plans = plans;
        this.demoActivities = demoActivities;
        this.observations = observations;
        this.hospital = hospital;
        this.transaction = new TransactionTemplate(transactions);
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || args.getNonOptionArgs().contains("generate")
                || jdbc.sql("select count(*) from org_unit").query(Long.class).single() > 0) {
            return;
        }
        // one transaction: one commit for the whole county instead of one per record (each commit is a file write,
        // see application.yml), and a process killed half-way leaves no half demo that would never be completed
        transaction.executeWithoutResult(tx -> Access.asSystem(() -> {
            var district = generator.generate("示范县", 3, 150, 2026L);
            var experimental = district.schools().get(0);
            var township = district.schools().get(1);
            long chineseGroup = experimental.teachingGroups().get("CHINESE");
            long groupLeader = units.get(chineseGroup).leaderId();
            List<Long> staff = experimental.teacherIds();
            long office = district.officeId();
            long researcher = jdbc.sql("select min(id) from person where institution_id = ?").param(office).query(Long.class).single();
            create("county", researcher, Role.COUNTY_RESEARCHER, district.regionId());
            create("principal", staff.get(1), Role.PRINCIPAL, experimental.id());
            create("jks", staff.get(2), Role.DEPT_HEAD, experimental.id());
            create("zuzhang", groupLeader, Role.GROUP_LEADER, chineseGroup);
            long teacher = staff.stream().filter(id -> id != groupLeader).skip(5).findFirst().orElseThrow();
            create("teacher", teacher, Role.TEACHER, null);
            create("teacher2", township.teacherIds().get(3), Role.TEACHER, null);
            plans.create(experimental.id(), office);
            demoActivities.create(chineseGroup);
            observations.create(experimental.id(), teacher, staff.get(2));
            hospital.create(district.regionId());
            // the domain's rules, switched on over the demo's records: the school's and the hospital ward's
            rules.installTemplates(experimental.id(), List.of("TR_GROUP_WEEKLY", "PREP_GROUP_WEEKLY",
                    "TEACHER_OBSERVE_MONTHLY", "MENTOR_MUTUAL_WEEKLY"));
            long hospitalId = jdbc.sql("select min(id) from org_unit where type = 'INSTITUTION' and sector = 'HEALTHCARE' and region_id = ?")
                    .param(district.regionId()).query(Long.class).single();
            long countyRule = rules.createCounty(district.regionId(), "全县教研组每周教研活动",
                    org.jiaoyan.rules.RuleTemplate.byCode("TR_GROUP_WEEKLY").orElseThrow().spec(), false);
            rules.enable(countyRule, true);
            rules.installTemplates(hospitalId, List.of("HOSPITAL_QC_WEEKLY", "HOSPITAL_TRAINING_MONTHLY", "HOSPITAL_DRILL_EVERYONE"));
            // last month's 月查 of the school's groups, published (a ranking on first start)
            checks.create(experimental.id());
            // the term assessment running: a teachers' 月查, entries, a leave and an open appeal
            assessment.create(experimental.id(), chineseGroup, teacher, staff);
            // research projects: a county project with sub-projects, personal projects in different stages
            research.create(experimental.id(), office, teacher, staff);
            // the research rules over those projects: each 课题组's monthly material, and a paper a term from every
            // 课题组 member and personal-project lead (the demo teacher wrote one; the others are behind)
            rules.installTemplates(experimental.id(), List.of("PROJECT_MATERIAL_FIRST_WEEK", "PROJECT_PAPER_TERM"));
        }));
        log.info("""

                ========================================================
                  演示数据已创建：示范县教研室 + 3 所学校、约 150 名教师、本学期计划、听课记录与青蓝工程结对、县人民医院妇产科
                  Demo county created. Demo accounts (password {}):
                    county     县区教研员       示范县
                    principal  校长            示范县实验小学
                    jks        教科室主任       示范县实验小学
                    zuzhang    教研组长         实验小学语文教研组
                    teacher    教师            示范县实验小学
                    teacher2   教师            乡镇中心小学
                    hushizhang 护士长（科室负责人） 示范县人民医院妇产科
                  管理员 admin 的密码见上方（首次启动时打印）。
                  Open http://localhost:8080
                ========================================================
                """, DEMO_PASSWORD);
    }

    private void create(String username, long personId, Role role, Long unitId) {
        List<RoleGrant> roles = role == Role.TEACHER ? List.of(new RoleGrant(Role.TEACHER, null))
                : List.of(new RoleGrant(role, unitId), new RoleGrant(Role.TEACHER, null));
        accounts.create(username, DEMO_PASSWORD, personId, null, roles);
    }
}
