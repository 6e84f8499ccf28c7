package io.labelbench.ui.config.editor.internal;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Display;

/** Colours of the labeling-config dialect: comments, tags, attribute values, $variables. */
final class ConfigScanner extends RuleBasedScanner {

	ConfigScanner() {
		Display display = Display.getCurrent();
		IToken comment = new Token(new TextAttribute(new Color(display, 63, 127, 95)));
		IToken tag = new Token(new TextAttribute(new Color(display, 63, 63, 191), null, SWT.BOLD));
		IToken value = new Token(new TextAttribute(new Color(display, 42, 0, 255)));
		IToken variable = new Token(new TextAttribute(new Color(display, 160, 0, 120), null, SWT.BOLD));
		WordRule tagNames = new WordRule(new org.eclipse.jface.text.rules.IWordDetector() {
			@Override
			public boolean isWordStart(char c) {
				return c == '<';
			}

			@Override
			public boolean isWordPart(char c) {
				return Character.isLetterOrDigit(c) || c == '/' || c == '_' || c == '-';
			}
		}, tag);
		setRules(new IRule[] { new MultiLineRule("<!--", "-->", comment), new SingleLineRule("\"$", "\"", variable),
				new SingleLineRule("\"", "\"", value), new SingleLineRule("'", "'", value), tagNames });
	}
}
