package io.labelbench.ui;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import io.labelbench.core.io.Progress;

/** Headless {@link Progress} reported to an Eclipse progress monitor; each phase restarts the bar. */
public final class MonitorProgress implements Progress {

	private final IProgressMonitor monitor;
	private SubMonitor phase;

	public MonitorProgress(IProgressMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public void begin(String task, long totalUnits) {
		phase = SubMonitor.convert(monitor, task, totalUnits < 0 || totalUnits > Integer.MAX_VALUE
				? IProgressMonitor.UNKNOWN : (int) totalUnits);
		phase.setTaskName(task);
	}

	@Override
	public void worked(long units) {
		if (phase != null) {
			phase.worked((int) units);
		}
	}

	@Override
	public boolean isCanceled() {
		return monitor.isCanceled();
	}
}
