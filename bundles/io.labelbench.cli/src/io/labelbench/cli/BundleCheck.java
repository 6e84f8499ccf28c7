package io.labelbench.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

/**
 * {@code labelbench bundles}: starts every Labelbench bundle of the installation and prints
 * {@code <symbolic-name> <version> <state>} for each, so an install from the update site can be verified.
 */
final class BundleCheck {

	private static final String PREFIX = "io.labelbench.";

	private BundleCheck() {
	}

	static int run(PrintStream out, PrintStream err) {
		BundleContext context = FrameworkUtil.getBundle(BundleCheck.class).getBundleContext();
		Bundle[] ours = Arrays.stream(context.getBundles()).filter(b -> b.getSymbolicName() != null
				&& b.getSymbolicName().startsWith(PREFIX) && b.getHeaders().get("Fragment-Host") == null)
				.sorted(Comparator.comparing(Bundle::getSymbolicName)).toArray(Bundle[]::new);
		int failed = 0;
		for (Bundle bundle : ours) {
			String problem = null;
			try {
				bundle.start(Bundle.START_TRANSIENT);
			} catch (BundleException | RuntimeException e) {
				problem = e.getMessage();
				failed++;
			}
			out.println(bundle.getSymbolicName() + " " + bundle.getVersion() + " " + state(bundle.getState())
					+ (problem == null ? "" : " " + problem.replace('\n', ' ')));
		}
		if (ours.length == 0) {
			err.println("labelbench: no Labelbench bundles installed");
			return Labelbench.PROBLEMS;
		}
		return failed == 0 ? Labelbench.OK : Labelbench.PROBLEMS;
	}

	private static String state(int state) {
		return switch (state) {
		case Bundle.ACTIVE -> "ACTIVE";
		case Bundle.RESOLVED -> "RESOLVED";
		case Bundle.INSTALLED -> "INSTALLED";
		case Bundle.STARTING -> "STARTING";
		case Bundle.STOPPING -> "STOPPING";
		default -> "UNINSTALLED";
		};
	}
}
