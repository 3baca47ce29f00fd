package org.jiaoyan;

import org.jiaoyan.demo.GenerateCommand;
import org.jiaoyan.plan.parse.ParsePlanCommand;
import org.jiaoyan.shared.EmbeddedDatabaseWarmup;
import org.jiaoyan.shared.StartupTrace;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ClassUtils;

/** Jiaoyan 教科研工作平台: one deployable, one top-level package per module. */
@SpringBootApplication
@EnableScheduling
public class JiaoyanApplication {

    public static void main(String[] args) {
        if (ParsePlanCommand.requested(args)) {
            System.exit(ParsePlanCommand.run(args, System.out, System.err)); // before Spring: a quick command-line tool
        }
        if (GenerateCommand.requested(args)) {
            System.exit(GenerateCommand.run(JiaoyanApplication.class, args));
        }
        useAheadOfTimeBeansWhenPackaged();
        var app = new SpringApplication(JiaoyanApplication.class);
        StartupTrace.attachIfRequested(app);
        app.addListeners(new EmbeddedDatabaseWarmup());
        app.run(args);
    }

    /**
     * The packaged jar carries bean definitions prepared at build time (spring-boot:process-aot), which saves the
     * classpath scan and the condition checks at every start. Used only when running from a jar built in the same
     * build; from target/classes (./mvnw spring-boot:run, tests) the generated classes may be stale, so they are not.
     * -Dspring.aot.enabled=false turns it off.
     */
    static void useAheadOfTimeBeansWhenPackaged() {
        if (System.getProperty("spring.aot.enabled") != null) {
            return;
        }
        var source = JiaoyanApplication.class.getProtectionDomain().getCodeSource();
        String location = source == null || source.getLocation() == null ? "" : source.getLocation().toString();
        boolean packaged = location.startsWith("jar:") || location.endsWith(".jar") || location.contains(".jar!");
        if (packaged && ClassUtils.isPresent(JiaoyanApplication.class.getName() + "__ApplicationContextInitializer",
                JiaoyanApplication.class.getClassLoader())) {
            System.setProperty("spring.aot.enabled", "true");
        }
    }
}
