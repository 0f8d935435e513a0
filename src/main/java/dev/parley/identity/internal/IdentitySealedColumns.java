package dev.parley.identity.internal;

import java.util.List;

import dev.parley.platform.SealedColumn;
import dev.parley.platform.SealedColumns;

import org.springframework.stereotype.Component;

/**
 * Where the identity module keeps secrets sealed: staff members' authenticator-app
 * secrets, so the key rotation re-seals them with the others.
 */
@Component
class IdentitySealedColumns implements SealedColumns {

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(SealedColumn.secret("staff_two_factor", "sealed_secret", "user_id"));
	}

}
