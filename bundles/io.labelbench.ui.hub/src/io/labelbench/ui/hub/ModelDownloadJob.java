package io.labelbench.ui.hub;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.function.DoubleConsumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import io.labelbench.core.io.Progress;
import io.labelbench.hub.ModelCache;
import io.labelbench.hub.ModelDownloader;
import io.labelbench.hub.ModelsHub;

/** Downloads one model into the cache, with byte progress and cancel. Several run in parallel. */
public final class ModelDownloadJob extends Job {

	/** Family of every model download: tests and shutdown wait on it. */
	public static final Object FAMILY = ModelDownloadJob.class;

	private final ModelsHub.Offer offer;
	private final ModelCache cache;
	private final DoubleConsumer fraction;

	/** @param fraction told the downloaded share (0..1) as bytes arrive, from the job's thread */
	public ModelDownloadJob(ModelsHub.Offer offer, ModelCache cache, DoubleConsumer fraction) {
		super(NLS.bind(Messages.ModelsHubView_downloadJob, offer.entry().name()));
		this.offer = offer;
		this.cache = cache;
		this.fraction = fraction;
		setUser(true);
	}

	public ModelsHub.Offer offer() {
		return offer;
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		long size = offer.entry().size();
		// the monitor counts kilobytes: an int would overflow for models above 2 GB
		monitor.beginTask(getName(), size > 0 ? (int) Math.max(1, size / 1024) : IProgressMonitor.UNKNOWN);
		Progress progress = new Progress() {
			private long bytes;
			private long reportedKb;

			@Override
			public void begin(String task, long totalUnits) {
				monitor.subTask(task);
			}

			@Override
			public void worked(long units) {
				bytes += units;
				long kb = bytes / 1024;
				if (kb > reportedKb) {
					monitor.worked((int) (kb - reportedKb));
					reportedKb = kb;
				}
				if (size > 0) {
					fraction.accept(Math.min(1.0, (double) bytes / size));
				}
			}

			@Override
			public boolean isCanceled() {
				return monitor.isCanceled();
			}
		};
		try {
			new ModelDownloader(cache).download(offer.hub(), offer.entry(), progress);
			return Status.OK_STATUS;
		} catch (CancellationException e) {
			return Status.CANCEL_STATUS;
		} catch (IOException | RuntimeException e) {
			return Status.error(offer.entry().name() + ": " + e.getMessage(), e);
		} finally {
			monitor.done();
		}
	}

	/**
	 * A job that finds {@code name} in the configured hubs and downloads it, with the embeddings it runs on
	 * when they are missing, each as a download job of this family (so with progress and cancel).
	 */
	public static Job byName(String name) {
		Job find = new Job(NLS.bind(Messages.ModelsHubView_downloadJob, name)) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				ModelsHub hub = ModelsHub.read(HubPreferences.hubs());
				ModelCache cache = HubPreferences.cache();
				ModelsHub.Offer offer = hub.find(name).orElse(null);
				if (offer == null) {
					return Status.error(NLS.bind(Messages.ModelDownload_notInHub, name,
							String.join("; ", hub.problems())));
				}
				try {
					for (ModelsHub.Offer step : hub.withEmbeddings(offer, cache)) {
						ModelDownloadJob download = new ModelDownloadJob(step, cache, share -> {
						});
						download.schedule();
						download.join();
						if (!download.getResult().isOK()) {
							return download.getResult();
						}
					}
					return Status.OK_STATUS;
				} catch (IOException e) {
					return Status.error(name + ": " + e.getMessage(), e);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return Status.CANCEL_STATUS;
				}
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY;
			}
		};
		find.setUser(true);
		return find;
	}
}
