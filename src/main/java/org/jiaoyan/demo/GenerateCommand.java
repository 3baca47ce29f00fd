package org.jiaoyan.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.account.RoleGrant;
import org.jiaoyan.account.UserAccounts;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar jiaoyan.jar generate --schools 50 --teachers 5000 [--plan-items 200] [--password P] [--county 名称]
 * [--seed N] [--observations 10]}: fills an empty database with a generated county, a year of lesson observations
 * (about N a teacher a term) and 2–3 青蓝 pairs per school, a published 教科室 plan of the bench school with that
 * many items (0: none) and a "bench" account for benchmarks, then exits (no web server).
 */
@Component
public class GenerateCommand {

    static final String BENCH_USER = "bench";
    static final String BENCH_PASSWORD = "Chayan2026x"; // the password policy refuses one containing "bench"

    private final DistrictGenerator generator;
    private final PlanGenerator planGenerator;
    private final org.jiaoyan.activity.ActivityHistory activityHistory;
    private final org.jiaoyan.org.Terms terms;
    private final org.jiaoyan.research.ResearchHistory researchHistory;
    private final ObservationGenerator observationGenerator;
    private final UserAccounts accounts;
    private final JdbcClient jdbc;
    private final String adminPassword;

    GenerateCommand(DistrictGenerator generator, PlanGenerator planGenerator, ObservationGenerator observationGenerator,
                    org.jiaoyan.activity.ActivityHistory activityHistory, org.jiaoyan.org.Terms terms,
                    org.jiaoyan.research.ResearchHistory researchHistory, UserAccounts accounts, JdbcClient jdbc,
                    @Value("${jiaoyan.admin-password:}") String adminPassword) {
        this.generator = generator;
        this.planGenerator = planGenerator;
        this.observationGenerator = observationGenerator;
        this.activityHistory = activityHistory;
        this.terms = terms;
        this.researchHistory = researchHistory;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.adminPassword = adminPassword;
    }

    /** Whether the command line asks for the generator (first argument that is not an option is "generate"). */
    public static boolean requested(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a.equals("generate");
            }
        }
        return false;
    }

    /** Starts the application without a web server, runs the generator and returns the process exit code. */
    public static int run(Class<?> application, String[] args) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        var context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("jiaoyan.demo=false", "spring.main.web-application-type=none")
                .run(args);
        try {
            return context.getBean(GenerateCommand.class).generate(options);
        } finally {
            context.close();
        }
    }

    int generate(Map<String, String> options) {
        int schools = Integer.parseInt(options.getOrDefault("schools", "50"));
        int teachers = Integer.parseInt(options.getOrDefault("teachers", "5000"));
        String password = options.getOrDefault("password", BENCH_PASSWORD);
        String county = options.getOrDefault("county", "基准县");
        long seed = Long.parseLong(options.getOrDefault("seed", "2026"));
        int planItems = Integer.parseInt(options.getOrDefault("plan-items", "200"));
        int observationsPerTerm = Integer.parseInt(options.getOrDefault("observations", "10"));
        if (schools < 1 || teachers < schools) {
            System.err.println("generate: --schools must be ≥ 1 and --teachers ≥ --schools");
            return 2;
        }
        long units = jdbc.sql("select count(*) from org_unit").query(Long.class).single();
        if (units > 0) {
            System.err.println("generate: 数据库中已有 " + units + " 个组织机构，拒绝生成（请使用空数据库）。"
                    + " The database already holds organisation units; use an empty database.");
            return 2;
        }
        long started = System.nanoTime();
        String shownAdmin = Access.asSystem(this::ensureAdmin);
        DistrictGenerator.District district = Access.asSystem(() -> generator.generate(county, schools, teachers, seed));
        long generated = System.nanoTime();
        PlanGenerator.GeneratedPlan plan = Access.asSystem(
                () -> planGenerator.generate(district.schools().get(0).id(), planItems, seed));
        long planned = System.nanoTime();
        ObservationGenerator.Generated observed = observationsPerTerm == 0 ? null : Access.asSystem(() -> observationGenerator.generate(
                district.schools().stream().map(DistrictGenerator.School::id).toList(), observationsPerTerm, seed));
        long observedAt = System.nanoTime();
        // this school year's activities so far: weekly 教研组 sessions, fortnightly 集体备课, with sign-ins
        java.time.LocalDate yearStart = Access.asSystem(() -> terms.all().stream().filter(t -> t.semester() == 1
                && !t.startDate().isAfter(java.time.LocalDate.now())).map(t -> t.startDate()).max(java.util.Comparator.naturalOrder())
                .orElse(java.time.LocalDate.now().minusMonths(3)));
        int activityCount = Access.asSystem(() -> activityHistory.generate(district.schools().stream().map(s -> s.id()).toList(),
                yearStart, java.time.LocalDate.now(), seed));
        long active = System.nanoTime();
        // research projects (issue 13): ten approved projects a school with this school year's monthly material
        org.jiaoyan.research.ResearchHistory.Generated research = Access.asSystem(() -> researchHistory.generate(
                district.schools().stream().map(s -> s.id()).toList(), 10, yearStart, java.time.LocalDate.now(), seed));
        long researched = System.nanoTime();
        Access.asSystem(() -> accounts.create(BENCH_USER, password, null, "基准测试",
                List.of(new RoleGrant(Role.DEPT_HEAD, district.schools().get(0).id()),
                        new RoleGrant(Role.COUNTY_RESEARCHER, district.regionId()))));
        long people = jdbc.sql("select count(*) from person").query(Long.class).single();
        long unitCount = jdbc.sql("select count(*) from org_unit").query(Long.class).single();
        long members = jdbc.sql("select count(*) from unit_member").query(Long.class).single();
        System.out.printf("""

                generate: %s — %d schools, %d people, %d units, %d group memberships
                generate: district in %d ms, plan in %d ms, %d activities in %d ms, total %d ms
                generate: accounts: admin (%s), %s / %s (教科室主任 of %s, 县区教研员 of %s)
                generate: bench school id %d
                generate: research projects %d with %d monthly filings in %d ms
                """, county, district.schools().size(), people, unitCount, members,
                (generated - started) / 1_000_000, (planned - generated) / 1_000_000, activityCount, (active - observedAt) / 1_000_000,
                (System.nanoTime() - started) / 1_000_000,
                shownAdmin, BENCH_USER, password, district.schools().get(0).name(), county,
                district.schools().get(0).id(), research.projects(), research.filings(), (researched - active) / 1_000_000);
        if (observed != null) {
            System.out.printf("""
                    generate: observations %d and %d mentor pairs in %d ms
                    generate: bench observer id %d term %d
                    generate: bench mentoring year %d
                    """, observed.observations(), observed.pairs(), (observedAt - planned) / 1_000_000,
                    observed.benchObserver(), observed.term() == null ? -1 : observed.term().id(), observed.schoolYear());
        }
        if (plan != null) {
            System.out.printf("""
                    generate: bench plan id %d (%d items)
                    generate: bench plan term %s %s (%s), %d items done, %d cancelled
                    """, plan.id(), plan.items(), plan.term().startDate(), plan.term().endDate(),
                    plan.term().label(), plan.done(), plan.cancelled());
        }
        return 0;
    }

    /** The same rule as the first start: an admin exists; its password comes from the environment or is printed. */
    private String ensureAdmin() {
        if (accounts.anyUser()) {
            return "existing";
        }
        boolean given = !adminPassword.isBlank();
        String password = given ? adminPassword : UserAccounts.randomPassword();
        accounts.create("admin", password, null, "系统管理员", List.of(new RoleGrant(Role.ADMIN, null)));
        return given ? "password from JIAOYAN_ADMIN_PASSWORD" : "password " + password;
    }

    /** {@code --name value} or {@code --name=value}; Spring's own parser would take the value as a separate argument. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                continue;
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                continue; // a Spring flag such as --debug
            }
            if (List.of("schools", "teachers", "seed", "plan-items", "observations").contains(name) && !value.matches("\\d+")) {
                throw new IllegalArgumentException("generate: --" + name + " needs a number, got " + value);
            }
            options.put(name, value);
        }
        return options;
    }
}
