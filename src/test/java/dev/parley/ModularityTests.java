package dev.parley;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the module boundaries of ARCHITECTURE.md and writes the module documentation. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ParleyApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
