package io.labelbench.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Waiting on real widgets and jobs without fixed sleeps, and screenshots. */
final class UiTesting {

	private UiTesting() {
	}

	/** Runs the event loop until the condition holds; checks at least every 20 ms. */
	static void waitUntil(String what, BooleanSupplier condition, long timeoutMs) {
		Display display = Display.getCurrent();
		long deadline = System.currentTimeMillis() + timeoutMs;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError(what + ": not within " + timeoutMs + " ms");
			}
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> {
					// wakes the sleep below
				});
				display.sleep();
			}
		}
	}

	/** Waits until no job of the family is left, running the event loop meanwhile. */
	static void waitForJobs(Object family, long timeoutMs) {
		waitUntil("jobs of " + family, () -> Job.getJobManager().find(family).length == 0, timeoutMs);
		Display display = Display.getCurrent();
		while (display.readAndDispatch()) {
			// let the jobs' asyncExec updates run
		}
	}

	/** Saves what the screen shows of a shell as PNG. */
	static void screenshot(Shell shell, Path file) throws IOException {
		Display display = shell.getDisplay();
		// let the window be mapped and painted before the screen is copied
		long until = System.currentTimeMillis() + 500;
		waitUntil("painted", () -> System.currentTimeMillis() > until, 2_000);
		shell.update();
		Rectangle bounds = shell.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		gc.copyArea(image, bounds.x, bounds.y);
		gc.dispose();
		ImageData data = image.getImageData();
		image.dispose();
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { data };
		Files.createDirectories(file.toAbsolutePath().getParent());
		loader.save(file.toString(), SWT.IMAGE_PNG);
	}
}
