package io.labelbench.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
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

	/**
	 * Answers the next modal dialog titled {@code title} from the event loop (the dialog blocks the caller):
	 * {@code answer} gets its shell, reads it and presses a button.
	 */
	static void whenDialogOpens(String title, Consumer<Shell> answer) {
		Display display = Display.getCurrent();
		long deadline = System.currentTimeMillis() + 30_000;
		display.timerExec(100, new Runnable() {
			@Override
			public void run() {
				for (Shell shell : display.getShells()) {
					if (shell.isVisible() && title.equals(shell.getText())) {
						answer.accept(shell);
						return;
					}
				}
				if (System.currentTimeMillis() < deadline) {
					display.timerExec(100, this);
				}
			}
		});
	}

	/** The texts of the labels, links and buttons under a composite, in widget order. */
	static List<String> texts(Composite parent) {
		List<String> texts = new ArrayList<>();
		for (Control child : parent.getChildren()) {
			if (child instanceof Label label) {
				texts.add(label.getText());
			} else if (child instanceof Link link) {
				texts.add(link.getText());
			} else if (child instanceof Button button) {
				texts.add(button.getText());
			} else if (child instanceof org.eclipse.swt.widgets.Text text) {
				texts.add(text.getText());
			} else if (child instanceof org.eclipse.swt.custom.CLabel label) {
				texts.add(label.getText());
			} else if (child instanceof org.eclipse.swt.custom.StyledText text) {
				texts.add(text.getText());
			}
			if (child instanceof Composite composite) {
				texts.addAll(texts(composite));
			}
		}
		return texts;
	}

	/** Presses the button labelled {@code text} (mnemonics ignored) under a composite. */
	static void press(Composite parent, String text) {
		Button button = button(parent, text);
		if (button == null) {
			throw new AssertionError("no button " + text + " in " + texts(parent));
		}
		button.notifyListeners(SWT.Selection, new Event());
	}

	private static Button button(Composite parent, String text) {
		for (Control child : parent.getChildren()) {
			if (child instanceof Button button && button.getText().replace("&", "").equals(text)) {
				return button;
			}
			if (child instanceof Composite composite) {
				Button found = button(composite, text);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** Closes the dialogs that jobs opened (their errors), after letting them open. */
	static void closeDialogs() {
		long until = System.currentTimeMillis() + 1_000;
		waitUntil("dialogs opened", () -> System.currentTimeMillis() > until, 5_000);
		Shell main = org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		for (Shell shell : Display.getCurrent().getShells()) {
			if (shell != main && shell.isVisible()) {
				shell.close();
			}
		}
	}
}
