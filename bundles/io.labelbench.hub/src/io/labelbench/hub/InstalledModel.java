package io.labelbench.hub;

import java.nio.file.Path;

/** A model in the local cache: the catalog entry it was downloaded from and what the saved model says. */
public record InstalledModel(HubEntry entry, Path folder, ModelMetadata metadata) {

	public String name() {
		return entry.name();
	}
}
