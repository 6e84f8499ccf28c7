package io.labelbench.ui.editors.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.config.ControlTag;
import io.labelbench.config.LabelValue;
import io.labelbench.config.LabelingConfig;
import io.labelbench.core.edit.TaskEditSession;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;

/** The config's Choices controls below the completion of a text task, one group of radio buttons or check boxes each. */
final class ChoiceButtons {

	private final List<Button> choiceButtons = new ArrayList<>();
	private final Supplier<String> toName;
	private final Consumer<Runnable> edit;
	private final Supplier<TaskEditSession> session;

	ChoiceButtons(Composite side, LabelingConfig config, Supplier<String> toName, Consumer<Runnable> edit,
			Supplier<TaskEditSession> session) {
		this.toName = toName;
		this.edit = edit;
		this.session = session;
		createChoices(side, config);
	}

	private void createChoices(Composite side, LabelingConfig config) {
		choiceButtons.clear();
		if (config == null) {
			return;
		}
		for (ControlTag control : config.controlTags()) {
			if (!"choices".equals(control.type()) || control.values().isEmpty()) {
				continue;
			}
			Group group = new Group(side, SWT.NONE);
			group.setText(control.name());
			group.setLayout(new RowLayout(SWT.HORIZONTAL));
			group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
			boolean single = !"multiple".equalsIgnoreCase(control.element().get("choice"));
			for (LabelValue value : control.values()) {
				Button choice = new Button(group, single ? SWT.RADIO : SWT.CHECK);
				choice.setText(value.value());
				choice.setData(control);
				choice.addListener(SWT.Selection, e -> {
					if (single && !choice.getSelection()) {
						return; // the radio that lost the selection; the one that gained it reports
					}
					List<String> chosen = new ArrayList<>();
					for (Control sibling : group.getChildren()) {
						if (sibling instanceof Button button && button.getSelection()) {
							chosen.add(button.getText());
						}
					}
					String target = control.toNames().isEmpty() ? toName.get() : control.toNames().get(0);
					edit.accept(() -> session.get().setChoices(control.name(), target, chosen));
				});
				choiceButtons.add(choice);
			}
		}
	}

	void show(Annotation current) {
		for (Button button : choiceButtons) {
			ControlTag control = (ControlTag) button.getData();
			boolean chosen = false;
			if (current != null) {
				for (Region region : current.results()) {
					if (region.kind() == Region.Kind.CHOICES && control.name().equals(region.fromName())
							&& region.labels().contains(button.getText())) {
						chosen = true;
					}
				}
			}
			button.setSelection(chosen);
		}
	}

	/** "Choices: domain = finance (0.97)" for the choices of a prediction, or nothing. */
	static String choicesOf(Annotation annotation) {
		List<String> parts = new ArrayList<>();
		if (annotation != null) {
			for (Region region : annotation.results()) {
				if (region.kind() == Region.Kind.CHOICES) {
					JsonNode score = region.json().get("score");
					parts.add(region.fromName() + " = " + String.join(", ", region.labels())
							+ (score != null && score.isNumber() ? " (" + AnnotationView.score(score.decimalValue()) + ")" : ""));
				}
			}
		}
		return parts.isEmpty() ? "" : NLS.bind(Messages.TaskEditor_predictionChoices, String.join(" \u00b7 ", parts));
	}
}
