package dev.parley.operations.internal.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Turns the read errors of a damaged, cut-off or wrongly decrypted payload into a
 * {@link BackupRefused} naming the damage.
 */
final class DamagedInput extends FilterInputStream {

	DamagedInput(InputStream in) {
		super(in);
	}

	@Override
	public int read() throws IOException {
		try {
			return super.read();
		}
		catch (IOException ex) {
			throw damaged(ex);
		}
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		try {
			return super.read(b, off, len);
		}
		catch (IOException ex) {
			throw damaged(ex);
		}
	}

	private static BackupRefused damaged(IOException ex) {
		return new BackupRefused(BackupRefused.Reason.DAMAGED,
				"The backup file is damaged or cut short (" + ex.getMessage() + ")", ex);
	}

}
