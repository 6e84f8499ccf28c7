package io.labelbench.ui.prompts.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.provider.IPreferencesContainer;
import org.eclipse.equinox.security.storage.provider.PasswordProvider;

import io.labelbench.core.store.LabelbenchHome;

/**
 * The master password of Eclipse secure storage where no OS keyring module is installed: 32 random bytes made on
 * first use in {@code $LABELBENCH_HOME/secure-storage.password}, readable by the user only. It keeps secrets out of
 * projects and out of plain preference files; a keyring module, when installed, has a higher priority and wins.
 */
public final class HomePasswordProvider extends PasswordProvider {

	static final String FILE = "secure-storage.password";

	@Override
	public PBEKeySpec getPassword(IPreferencesContainer container, int passwordType) {
		try {
			return new PBEKeySpec(password(LabelbenchHome.resolve(FILE)).toCharArray());
		} catch (IOException e) {
			return null; // secure storage then reports that it has no password
		}
	}

	static synchronized String password(Path file) throws IOException {
		if (!Files.exists(file)) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			Files.createDirectories(file.getParent());
			try {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			} catch (UnsupportedOperationException notPosix) {
				Files.createFile(file);
			} catch (FileAlreadyExistsException another) {
				return Files.readString(file, StandardCharsets.US_ASCII).strip();
			}
			Files.writeString(file, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII);
		}
		return Files.readString(file, StandardCharsets.US_ASCII).strip();
	}
}
