package io.labelbench.ui.editors.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

import io.labelbench.config.ControlTag;
import io.labelbench.config.LabelValue;

/**
 * The labels of the config's label controls as chips in their colours, one row per control; a click applies one.
 * Assertion statuses are not among them: {@link ReviewChips} offers them for a selected entity.
 */
final class LabelChipsBar {

	private final Composite area;
	private final List<Label> chips = new ArrayList<>();

	LabelChipsBar(Composite parent) {
		area = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		area.setLayout(layout);
		area.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
	}

	/**
	 * Replaces the chips with those of {@code controls}; {@code clicked} gets the control and the label, then the
	 * {@code armed} label's chip is shown raised.
	 */
	void fill(List<ControlTag> controls, LabelColors colors, BiConsumer<ControlTag, String> clicked,
			Supplier<String> armed) {
		for (Control row : area.getChildren()) {
			row.dispose();
		}
		chips.clear();
		for (ControlTag control : controls) {
			if (control.values().stream().noneMatch(value -> value.value() != null && !value.assertion())) {
				continue;
			}
			Composite row = new Composite(area, SWT.NONE);
			RowLayout layout = new RowLayout(SWT.HORIZONTAL);
			layout.marginTop = 0;
			layout.marginBottom = 0;
			layout.center = true;
			row.setLayout(layout);
			row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
			new Label(row, SWT.NONE).setText(control.name() + ":");
			for (LabelValue value : control.values()) {
				if (value.value() == null || value.assertion()) {
					continue;
				}
				Label chip = new Label(row, SWT.BORDER);
				chip.setText(" " + value.value() + (value.hotkey() == null ? "" : " [" + value.hotkey() + "]") + " ");
				chip.setBackground(colors.background(value.value()));
				chip.setForeground(colors.foreground(value.value()));
				chip.setToolTipText(NLS.bind(Messages.TaskEditor_applyLabel, value.value()));
				chip.setData(value.value());
				chip.setCursor(chip.getDisplay().getSystemCursor(SWT.CURSOR_HAND));
				chip.addListener(SWT.MouseUp, e -> {
					clicked.accept(control, value.value());
					showArmed(armed.get());
				});
				chips.add(chip);
			}
		}
		showArmed(armed.get());
	}

	/** The chip of the armed label is shown raised ({@code null}: none). */
	private void showArmed(String armed) {
		for (Label chip : chips) {
			String label = (String) chip.getData();
			chip.setFont(label.equals(armed) ? JFaceResources.getBannerFont() : null);
		}
		if (!chips.isEmpty()) {
			chips.get(0).getParent().layout(true);
		}
	}

	List<Label> chips() {
		return List.copyOf(chips);
	}
}
