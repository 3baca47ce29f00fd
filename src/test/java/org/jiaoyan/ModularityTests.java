package org.jiaoyan;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module borders hold (no module reaches into another's internals, no cycles) and the docs under docs/ are current. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(JiaoyanApplication.class);

    @Test
    void modulesRespectTheirBorders() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
