package io.labelbench.ui.prompts.internal;

import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.osgi.service.prefs.BackingStoreException;

import io.labelbench.ui.servers.LlmSettings;
import io.labelbench.prompts.llm.LlmEndpoint;

/** The LLM endpoint for prompts whose engine is {@code llm}: base URL, model, and the API key in secure storage. */
public final class LlmPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	private Text baseUrl;
	private Text model;
	private Text apiKey;

	@Override
	public void init(IWorkbench workbench) {
		setDescription(Messages.LlmPreferences_description);
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		page.setLayout(new GridLayout(2, false));
		baseUrl = field(page, Messages.LlmPreferences_baseUrl, SWT.BORDER);
		baseUrl.setMessage("https://api.openai.com/v1");
		model = field(page, Messages.LlmPreferences_model, SWT.BORDER);
		model.setMessage("gpt-4o-mini");
		apiKey = field(page, Messages.LlmPreferences_apiKey, SWT.BORDER | SWT.PASSWORD);
		Label note = new Label(page, SWT.WRAP);
		GridData noteData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		noteData.widthHint = 420;
		note.setLayoutData(noteData);
		note.setText(Messages.LlmPreferences_note);
		baseUrl.setText(LlmSettings.baseUrl());
		model.setText(LlmSettings.model());
		try {
			apiKey.setText(LlmSettings.apiKey());
		} catch (StorageException e) {
			setErrorMessage(Messages.format(Messages.LlmPreferences_cannotRead, e.getMessage()));
		}
		baseUrl.addModifyListener(e -> validate());
		model.addModifyListener(e -> validate());
		return page;
	}

	private static Text field(Composite page, String label, int style) {
		new Label(page, SWT.NONE).setText(label);
		Text text = new Text(page, style);
		GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
		data.widthHint = 320;
		text.setLayoutData(data);
		return text;
	}

	private void validate() {
		String message = null;
		if (!baseUrl.getText().isBlank()) {
			try {
				LlmEndpoint.of(baseUrl.getText(), model.getText().isBlank() ? "model" : model.getText(), "");
			} catch (IllegalArgumentException e) {
				message = e.getMessage();
			}
		}
		setErrorMessage(message);
		setValid(message == null);
	}

	@Override
	protected void performDefaults() {
		baseUrl.setText("");
		model.setText("");
		apiKey.setText("");
		super.performDefaults();
	}

	@Override
	public boolean performOk() {
		try {
			LlmSettings.save(baseUrl.getText(), model.getText(), apiKey.getText());
			return true;
		} catch (StorageException | BackingStoreException e) {
			setErrorMessage(Messages.format(Messages.LlmPreferences_cannotSave, e.getMessage()));
			return false;
		}
	}

	/** For tests: the fields of base URL, model and key. */
	public Text[] fields() {
		return new Text[] { baseUrl, model, apiKey };
	}
}
