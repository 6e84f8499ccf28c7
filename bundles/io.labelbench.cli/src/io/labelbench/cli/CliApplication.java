package io.labelbench.cli;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** Headless {@code labelbench <command>}; the Integer returned from start() becomes the exit code. */
public class CliApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		context.applicationRunning();
		System.out.println("labelbench: no commands yet");
		return IApplication.EXIT_OK;
	}

	@Override
	public void stop() {
		// nothing to stop
	}
}
