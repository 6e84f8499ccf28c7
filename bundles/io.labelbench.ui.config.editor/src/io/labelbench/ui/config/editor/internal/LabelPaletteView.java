package io.labelbench.ui.config.editor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;

import io.labelbench.config.ControlTag;
import io.labelbench.config.LabelValue;
import io.labelbench.config.LabelingConfig;
import io.labelbench.ui.CssColors;

/**
 * The live label palette: every control of the config in the active config editor, with its labels as chips in
 * their colours (and hotkeys, and the model that predicts them), updated as the config is typed.
 */
public final class LabelPaletteView extends ViewPart {
	public static final String ID = "io.labelbench.ui.editors.labelPalette";

	private ScrolledComposite scroll;
	private Composite content;
	private ConfigEditor tracked;
	private final List<Color> colors = new ArrayList<>();
	private final Consumer<LabelingConfig> onChange = config -> {
		if (content != null && !content.isDisposed()) {
			show(config);
		}
	};
	private final IPartListener2 parts = new IPartListener2() {
		@Override
		public void partActivated(IWorkbenchPartReference ref) {
			if (ref.getPart(false) instanceof ConfigEditor editor) {
				track(editor);
			}
		}

		@Override
		public void partClosed(IWorkbenchPartReference ref) {
			if (ref.getPart(false) == tracked) {
				track(null);
			}
		}
	};

	@Override
	public void createPartControl(Composite parent) {
		scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
		content = new Composite(scroll, SWT.NONE);
		content.setLayout(new GridLayout(1, false));
		scroll.setContent(content);
		scroll.setExpandHorizontal(true);
		scroll.setExpandVertical(true);
		getSite().getPage().addPartListener(parts);
		if (getSite().getPage().getActiveEditor() instanceof ConfigEditor editor) {
			track(editor);
		} else {
			show(null);
		}
	}

	private void track(ConfigEditor editor) {
		if (tracked != null) {
			tracked.removeConfigListener(onChange);
		}
		tracked = editor;
		if (editor != null) {
			editor.addConfigListener(onChange);
			show(editor.currentConfig());
		} else {
			show(null);
		}
	}

	private void show(LabelingConfig config) {
		for (Control child : content.getChildren()) {
			child.dispose();
		}
		colors.forEach(Color::dispose);
		colors.clear();
		if (config == null) {
			new Label(content, SWT.WRAP).setText(Messages.LabelPalette_noConfig);
		} else {
			for (ControlTag control : config.controlTags()) {
				if (control.values().isEmpty()) {
					continue;
				}
				Label title = new Label(content, SWT.NONE);
				title.setText(control.element().tag() + " " + control.name()
						+ (control.toNames().isEmpty() ? "" : " \u2192 " + String.join(", ", control.toNames())));
				Composite chips = new Composite(content, SWT.NONE);
				chips.setLayout(new RowLayout(SWT.HORIZONTAL));
				chips.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
				for (LabelValue value : control.values()) {
					Label chip = new Label(chips, SWT.BORDER);
					chip.setText(" " + chipText(value) + " ");
					RGB rgb = CssColors.rgb(value.background());
					if (rgb != null) {
						Color color = new Color(rgb);
						colors.add(color);
						chip.setBackground(color);
						boolean dark = CssColors.isDark(rgb);
						chip.setForeground(content.getDisplay().getSystemColor(dark ? SWT.COLOR_WHITE : SWT.COLOR_BLACK));
					}
					chip.setToolTipText(value.model() == null ? value.value()
							: value.value() + " (" + value.model() + ")");
				}
			}
		}
		content.layout(true, true);
		scroll.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
	}

	/** {@code DRUG [d]} — the value and its hotkey. */
	static String chipText(LabelValue value) {
		String text = value.value() == null ? "?" : value.value();
		return value.hotkey() == null ? text : text + " [" + value.hotkey() + "]";
	}

	/** For tests: the chips' texts, control by control. */
	public List<String> chips() {
		List<String> out = new ArrayList<>();
		for (Control child : content.getChildren()) {
			if (child instanceof Composite row) {
				for (Control chip : row.getChildren()) {
					out.add(((Label) chip).getText().strip());
				}
			}
		}
		return out;
	}

	@Override
	public void setFocus() {
		scroll.setFocus();
	}

	@Override
	public void dispose() {
		getSite().getPage().removePartListener(parts);
		if (tracked != null) {
			tracked.removeConfigListener(onChange);
		}
		colors.forEach(Color::dispose);
		super.dispose();
	}
}
