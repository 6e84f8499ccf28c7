package io.labelbench.ui;

/** Job families, so the UI, shutdown and tests can find and wait for Labelbench's background work. */
public final class LabelbenchJobs {

	public static final Object FAMILY_IMPORT = new Object();
	public static final Object FAMILY_EXPORT = new Object();
	public static final Object FAMILY_TASK_SUMMARIES = new Object();
	public static final Object FAMILY_SAMPLE = new Object();
	public static final Object FAMILY_DEPLOY = new Object();
	public static final Object FAMILY_PREANNOTATE = new Object();
	public static final Object FAMILY_SERVERS = new Object();
	public static final Object FAMILY_NEW_PROJECT = new Object();
	/** Training runs: each a JVM counted in the servers' budget beside the pre-annotation servers. */
	public static final Object FAMILY_TRAINING = new Object();

	private LabelbenchJobs() {
	}
}
