package dev.parley.platform.internal;

import java.util.List;

import dev.parley.platform.SealedColumn;
import dev.parley.platform.SealedColumns;

import org.springframework.stereotype.Component;

/**
 * Where the platform keeps secrets sealed: the server secrets (the key that signs visitor
 * tokens, the trusted devices' key, ...).
 */
@Component
class PlatformSealedColumns implements SealedColumns {

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(SealedColumn.secret("server_secret", "secret_sealed", "name").withPlainCopy("secret"));
	}

}
