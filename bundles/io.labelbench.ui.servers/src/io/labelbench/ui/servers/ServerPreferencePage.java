package io.labelbench.ui.servers;

import io.labelbench.ui.NodePreferencePage;

/** Preferences > Labelbench > Servers: budget, heap of a new server, idle timeout. */
public final class ServerPreferencePage extends NodePreferencePage {

	public ServerPreferencePage() {
		super(ServerPreferences.QUALIFIER, Messages.ServerPreferencePage_description);
	}

	@Override
	protected void createFieldEditors() {
		addIntegerField(ServerPreferences.MAX_SERVERS, Messages.ServerPreferencePage_maxServers, 1, 32);
		addIntegerField(ServerPreferences.MAX_HEAP_MB, Messages.ServerPreferencePage_maxHeap, 512, 1 << 20);
		addIntegerField(ServerPreferences.SERVER_HEAP_MB, Messages.ServerPreferencePage_serverHeap, 512, 65536);
		addIntegerField(ServerPreferences.IDLE_MINUTES, Messages.ServerPreferencePage_idle, 0, 24 * 60);
	}
}
