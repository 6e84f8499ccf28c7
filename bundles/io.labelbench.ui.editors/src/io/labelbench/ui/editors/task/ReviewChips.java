package io.labelbench.ui.editors.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

import io.labelbench.config.ControlTag;
import io.labelbench.config.LabelValue;
import io.labelbench.config.LabelingConfig;
import io.labelbench.core.edit.Assertions;
import io.labelbench.core.edit.TaskEditSession;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;

/**
 * The chips that depend on what is selected in the completion, below the label chips: the assertion statuses of
 * the config when one entity is selected (its status raised; "none" removes it), the relation labels when two
 * entities are selected (a click relates the first to the second; a config without relation labels gets one
 * chip for a relation without label) or a relation is (a click relabels it; the arrow chip turns it around).
 */
final class ReviewChips {

	/** The data of the chip that removes a status or turns a relation around. */
	static final String NONE = "";
	static final String REVERSE = "\u21c4";

	private final Composite row;
	private final Supplier<TaskEditSession> session;
	private final Supplier<List<Region>> selected;
	private final Consumer<Runnable> edit;
	private final List<Label> chips = new ArrayList<>();

	ReviewChips(Composite parent, Supplier<TaskEditSession> session, Supplier<List<Region>> selected,
			Consumer<Runnable> edit) {
		this.session = session;
		this.selected = selected;
		this.edit = edit;
		row = new Composite(parent, SWT.NONE);
		RowLayout layout = new RowLayout(SWT.HORIZONTAL);
		layout.marginTop = 0;
		layout.marginBottom = 0;
		layout.center = true;
		row.setLayout(layout);
		GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
		row.setLayoutData(data);
	}

	/** Shows the chips the selection calls for; none (and no room taken) when it calls for none. */
	void update(LabelingConfig config, LabelColors colors) {
		for (Control child : row.getChildren()) {
			child.dispose();
		}
		chips.clear();
		List<Region> regions = selected.get();
		Annotation current = session.get().current();
		Assertions assertions = session.get().assertions();
		if (config != null && regions.size() == 1 && !assertions.labels().isEmpty()) {
			Region entity = assertions.isAssertion(regions.get(0)) ? assertions.entityOf(current, regions.get(0))
					: regions.get(0);
			if (entity != null && assertions.isEntity(entity)) {
				showAssertionChips(config, colors, entity, session.get().assertionStatus(current, entity));
			}
		} else if (config != null && regions.size() == 2 && regions.stream().allMatch(assertions::isEntity)) {
			new Label(row, SWT.NONE).setText(NLS.bind(Messages.TaskEditor_relateChips,
					AnnotationView.shorten(regions.get(0).text()), AnnotationView.shorten(regions.get(1).text())));
			for (String label : config.relationLabels()) {
				chip(colors, label, label, false,
						() -> edit.accept(() -> session.get().relate(regions.get(0), regions.get(1), label)));
			}
			if (config.relationLabels().isEmpty()) { // the config names no relations: they carry no label
				chip(colors, NONE, Messages.TaskEditor_noRelationLabel, false,
						() -> edit.accept(() -> session.get().relate(regions.get(0), regions.get(1), null)));
			}
		}
		if (config != null && regions.size() == 1 && regions.get(0).kind() == Region.Kind.RELATION) {
			Region relation = regions.get(0);
			new Label(row, SWT.NONE).setText(Messages.TaskEditor_relationChips);
			for (String label : config.relationLabels()) {
				chip(colors, label, label, relation.labels().contains(label),
						() -> edit.accept(() -> session.get().relabel(relation, label)));
			}
			chip(colors, REVERSE, " " + REVERSE + " ", false, () -> edit.accept(() -> session.get().reverse(relation)))
					.setToolTipText(Messages.TaskEditor_reverseRelation);
		}
		boolean visible = !chips.isEmpty();
		((GridData) row.getLayoutData()).exclude = !visible;
		row.setVisible(visible);
		row.getParent().layout(true, true);
	}

	private void showAssertionChips(LabelingConfig config, LabelColors colors, Region entity, String status) {
		new Label(row, SWT.NONE).setText(NLS.bind(Messages.TaskEditor_assertionChips, AnnotationView.shorten(entity.text())));
		for (ControlTag control : config.controlTags()) {
			for (LabelValue value : control.values()) {
				if (value.assertion() && value.value() != null) {
					String text = value.value() + (value.hotkey() == null ? "" : " [" + value.hotkey() + "]");
					chip(colors, value.value(), text, value.value().equals(status),
							() -> applyAssertion(control, value.value()));
				}
			}
		}
		chip(colors, NONE, Messages.TaskEditor_noAssertion, status == null,
				() -> edit.accept(() -> session.get().removeAssertion(entity)));
	}

	/**
	 * Sets the status {@code label} of {@code control} on the selected entity (or the entity of the selected
	 * assertion); {@code false} when the selection holds no single entity.
	 */
	boolean applyAssertion(ControlTag control, String label) {
		List<Region> regions = selected.get();
		if (regions.size() != 1) {
			return false;
		}
		Assertions assertions = session.get().assertions();
		Region entity = assertions.isAssertion(regions.get(0))
				? assertions.entityOf(session.get().current(), regions.get(0))
				: regions.get(0);
		if (entity == null || !assertions.isEntity(entity)) {
			return false;
		}
		edit.accept(() -> session.get().setAssertion(entity, control.name(), label));
		return true;
	}

	private Label chip(LabelColors colors, String data, String text, boolean raised, Runnable clicked) {
		Label chip = new Label(row, SWT.BORDER);
		chip.setText(" " + text + " ");
		if (!NONE.equals(data) && !REVERSE.equals(data)) {
			chip.setBackground(colors.background(data));
			chip.setForeground(colors.foreground(data));
		}
		chip.setFont(raised ? JFaceResources.getBannerFont() : null);
		chip.setData(data);
		chip.setCursor(chip.getDisplay().getSystemCursor(SWT.CURSOR_HAND));
		chip.addListener(SWT.MouseUp, e -> clicked.run());
		chips.add(chip);
		return chip;
	}

	/** The chips shown now (for tests): their data is the status or relation label, "" for none. */
	List<Label> chips() {
		return List.copyOf(chips);
	}
}
