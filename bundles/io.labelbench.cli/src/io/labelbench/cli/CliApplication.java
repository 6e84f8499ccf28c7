package io.labelbench.cli;

import java.util.Arrays;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The headless application {@code io.labelbench.cli.app}: {@code labelbench <command>}. The Integer returned
 * from start() becomes the process exit code.
 */
public class CliApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		context.applicationRunning();
		String[] raw = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		List<String> args = raw == null ? List.of() : Arrays.asList(raw);
		if (!args.isEmpty() && args.get(0).equals("bundles")) {
			return BundleCheck.run(System.out, System.err);
		}
		return new Labelbench(System.out, System.err, ConfigCommand::schemaOf).run(args);
	}

	@Override
	public void stop() {
		// commands run to the end on the main thread
	}
}
