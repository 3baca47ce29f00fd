package org.jiaoyan;

import org.jiaoyan.demo.GenerateCommand;
import org.jiaoyan.plan.parse.ParsePlanCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

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
        SpringApplication.run(JiaoyanApplication.class, args);
    }
}
