package io.labelbench.ui.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

import io.labelbench.config.Diagnostic;

/**
 * Turns config diagnostics into problem markers, changing only what changed: a marker whose finding is still
 * there is kept as it is (no flicker in the editor ruler or the Problems view), gone findings lose their
 * marker, new ones get one.
 */
public final class ConfigMarkers {

	public static final String TYPE = "io.labelbench.ui.configProblem";
	public static final String CODE = "code";
	/** Prefix of the attributes that carry a finding's quick-fix data ({@link Diagnostic#fix()}). */
	public static final String FIX = "fix.";

	private ConfigMarkers() {
	}

	/**
	 * Makes the file's markers those of the diagnostics, touching only what changed. Synchronized: the builder and
	 * the editor's live validation may finish at the same moment, and each must see the other's markers (marker
	 * changes take no scheduling rule), or a finding would get two markers.
	 */
	public static synchronized void update(IFile file, List<Diagnostic> diagnostics) throws CoreException {
		Map<String, IMarker> existing = new HashMap<>();
		for (IMarker marker : file.findMarkers(TYPE, false, IResource.DEPTH_ZERO)) {
			existing.put(key(marker.getAttribute(CODE, ""), marker.getAttribute(IMarker.CHAR_START, -1),
					marker.getAttribute(IMarker.CHAR_END, -1), marker.getAttribute(IMarker.SEVERITY, -1),
					marker.getAttribute(IMarker.MESSAGE, "")), marker);
		}
		for (Diagnostic d : diagnostics) {
			String key = key(d.code(), d.startOffset(), d.endOffset(), severity(d), d.message());
			if (existing.remove(key) == null) {
				IMarker marker = file.createMarker(TYPE);
				marker.setAttributes(new String[] { IMarker.MESSAGE, IMarker.SEVERITY, IMarker.LINE_NUMBER,
						IMarker.CHAR_START, IMarker.CHAR_END, CODE },
						new Object[] { d.message() + " [" + d.code() + "]", severity(d), d.line(), d.startOffset(),
								d.endOffset(), d.code() });
				for (Map.Entry<String, String> fix : d.fix().entrySet()) {
					marker.setAttribute(FIX + fix.getKey(), fix.getValue());
				}
			}
		}
		for (IMarker stale : existing.values()) {
			stale.delete();
		}
	}

	private static int severity(Diagnostic d) {
		return switch (d.severity()) {
		case ERROR -> IMarker.SEVERITY_ERROR;
		case WARNING -> IMarker.SEVERITY_WARNING;
		default -> IMarker.SEVERITY_INFO;
		};
	}

	private static String key(String code, int start, int end, int severity, String message) {
		String shown = message.endsWith("[" + code + "]") ? message : message + " [" + code + "]";
		return code + '\u0000' + start + '\u0000' + end + '\u0000' + severity + '\u0000' + shown;
	}
}
