package dev.parley.identity.internal;

import java.util.Map;
import java.util.Set;

import dev.parley.identity.Permissions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EffectivePermissionsTests {

	private final StaffRole agent = new StaffRole(3, "agent", null, true,
			Set.of("conversation.view", "conversation.reply"));

	@Test
	void roleGivesItsPermissions() {
		assertThat(EffectivePermissions.of(this.agent, Map.of())).containsExactlyInAnyOrder("conversation.view",
				"conversation.reply");
	}

	@Test
	void grantsAddAndRevocationsRemove() {
		assertThat(EffectivePermissions.of(this.agent, Map.of("team.view", true, "conversation.reply", false)))
			.containsExactlyInAnyOrder("conversation.view", "team.view");
	}

	@Test
	void administratorHoldsTheWholeCatalogueWhateverIsStored() {
		StaffRole administrator = new StaffRole(1, "administrator", null, true, Set.of());
		assertThat(EffectivePermissions.of(administrator, Map.of())).isEqualTo(Permissions.all());
	}

	@Test
	void aCustomRoleNamedAdministratorIsNotTheBuiltInOne() {
		StaffRole impostor = new StaffRole(9, "administrator", null, false, Set.of("team.view"));
		assertThat(EffectivePermissions.of(impostor, Map.of())).containsExactly("team.view");
	}

	@Test
	void permissionsNoLongerInTheCatalogueAreDropped() {
		StaffRole old = new StaffRole(5, "old", null, false, Set.of("team.view", "ticket.handle"));
		assertThat(EffectivePermissions.of(old, Map.of("another.retired", true))).containsExactly("team.view");
	}

}
