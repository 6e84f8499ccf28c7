package io.labelbench.ui.servers;

import java.io.IOException;
import java.time.Duration;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IStartup;

import io.labelbench.ui.LabelbenchJobs;

/**
 * At workbench start: servers whose process died with the last session are forgotten (running ones are simply
 * reconnected: they are listed and used as before); then, every minute, servers idle longer than the preference
 * are stopped.
 */
public final class ServersStartup implements IStartup {
	static final long IDLE_CHECK_MILLIS = 60_000;

	@Override
	public void earlyStartup() {
		Job cleanup = Job.create(Messages.ServersStartup_cleanup, monitor -> {
			try {
				Servers.registry().cleanOrphans();
			} catch (IOException e) {
				return Status.warning(e.getMessage(), e);
			}
			return Status.OK_STATUS;
		});
		cleanup.setSystem(true);
		cleanup.schedule();
		Job idle = new Job(Messages.ServersStartup_idle) {
			@Override
			protected org.eclipse.core.runtime.IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
				Duration timeout = ServerPreferences.idleTimeout();
				if (!timeout.isZero()) {
					try {
						Servers.registry().stopIdle(timeout);
					} catch (IOException e) {
						// next round
					}
				}
				schedule(IDLE_CHECK_MILLIS);
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == LabelbenchJobs.FAMILY_SERVERS;
			}
		};
		idle.setSystem(true);
		idle.schedule(IDLE_CHECK_MILLIS);
	}
}
