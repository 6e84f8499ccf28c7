package io.labelbench.ui.hub;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;

import io.labelbench.ui.ModelCachePreference;
import io.labelbench.hub.Downloads;
import io.labelbench.hub.ModelsHub;

/**
 * The workbench's model downloads: each runs as a {@link ModelDownloadJob} into the configured cache, and its
 * state (running, progress, failure, cancel) lives in one {@link Downloads} that views observe.
 */
public final class HubDownloads {

	private static final Downloads STATE = new Downloads();

	private HubDownloads() {
	}

	/** The state of the workbench's downloads. */
	public static Downloads state() {
		return STATE;
	}

	/** Starts downloading an offer, unless a download of that model runs already. */
	public static void start(ModelsHub.Offer offer) {
		String name = offer.entry().name();
		ModelDownloadJob job = new ModelDownloadJob(offer, ModelCachePreference.cache(), share -> STATE.progress(name, share));
		if (!STATE.start(name, job::cancel)) {
			return;
		}
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				IStatus result = event.getResult();
				STATE.ended(name, result.getSeverity() == IStatus.ERROR ? result.getMessage() : null);
			}
		});
		job.schedule();
	}
}
