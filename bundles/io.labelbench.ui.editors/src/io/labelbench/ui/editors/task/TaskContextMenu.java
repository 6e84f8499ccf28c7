package io.labelbench.ui.editors.task;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;

/**
 * A context menu on one side of a task editor: the right click first picks what is under the mouse (a span, an
 * arc, a status tag), then the menu offers what can be done with it.
 */
final class TaskContextMenu {

	/** One entry: its text, whether it can be chosen now, what it does. */
	record Item(String text, boolean enabled, Runnable action) {
	}

	/** What the right click picked, at a point of the control. */
	interface Picker {
		void pickAt(int x, int y);
	}

	private final Menu menu;

	TaskContextMenu(Control control, Picker picker, Supplier<List<Item>> items) {
		menu = new Menu(control);
		control.setMenu(menu);
		control.addListener(SWT.MenuDetect, event -> {
			Point at = control.toControl(event.x, event.y);
			picker.pickAt(at.x, at.y);
		});
		menu.addListener(SWT.Show, event -> {
			for (MenuItem item : menu.getItems()) {
				item.dispose();
			}
			for (Item entry : items.get()) {
				MenuItem item = new MenuItem(menu, SWT.PUSH);
				item.setText(entry.text());
				item.setEnabled(entry.enabled());
				item.addListener(SWT.Selection, e -> entry.action().run());
			}
		});
	}

	Menu menu() {
		return menu;
	}
}
