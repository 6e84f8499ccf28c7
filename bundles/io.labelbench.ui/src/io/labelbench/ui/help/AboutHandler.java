package io.labelbench.ui.help;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IProduct;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.handlers.HandlerUtil;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

import io.labelbench.ui.Messages;

/** Help > About Labelbench: product name, version and build. */
public final class AboutHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		MessageDialog.openInformation(HandlerUtil.getActiveShell(event), Messages.About_title, aboutText());
		return null;
	}

	/**
	 * The product's name, version and build (the build qualifier Tycho stamps into the bundle version). Installed
	 * into an IDE, where the product is the IDE's, Labelbench's own bundle tells them.
	 */
	public static String aboutText() {
		IProduct product = Platform.getProduct();
		Bundle bundle = product != null && product.getDefiningBundle() != null
				&& product.getDefiningBundle().getSymbolicName().startsWith("io.labelbench")
						? product.getDefiningBundle()
						: FrameworkUtil.getBundle(AboutHandler.class);
		Version version = bundle.getVersion();
		String number = version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
		String build = version.getQualifier().isEmpty() ? Messages.About_noBuild : version.getQualifier();
		return NLS.bind(Messages.About_text, new Object[] { Messages.Workbench_title, number, build });
	}
}
