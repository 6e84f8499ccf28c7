package io.labelbench.core.io;

/**
 * How {@link TaskImporter} reads its sources.
 *
 * @param textColumn the CSV/TSV column that holds the text to annotate (stored as {@code data.text})
 * @param renumber   give every imported task a new id instead of keeping the ids of the source
 */
public record ImportOptions(String textColumn, boolean renumber) {

	public static final ImportOptions DEFAULT = new ImportOptions("text", false);

	public ImportOptions withTextColumn(String column) {
		return new ImportOptions(column, renumber);
	}

	public ImportOptions withRenumber(boolean value) {
		return new ImportOptions(textColumn, value);
	}
}
