package io.labelbench.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.labelbench.core.check.TaskProblem;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.TaskStore;

/**
 * Writes the rectangles of visual tasks as Pascal VOC: a zip with one annotation XML per page with boxes, named
 * {@code Annotations/task-<id>.xml} ({@code task-<id>-page-<n>.xml} for a page of a multi-page document), since
 * task ids are unique and safe in file names where document names need not be.
 * <p>
 * Which answer of a task: the latest completion, or the newest prediction when the task has no completion (see
 * {@link ExportedAnnotation#of}), because a person's answer supersedes a model's. Tasks without rectangles (text
 * tasks) are left out. {@code filename} is the document's file name, with {@code #page=N} for a page of a
 * multi-page document; {@code size} is the page size the annotator stored, rounded to whole pixels (points for
 * PDFs). Each box and label is an {@code object} whose {@code bndbox} is the smallest box of whole pixels that
 * encloses the box converted as {@link VisualBoxes} describes (edges counted from the page's top-left corner,
 * within 0..width and 0..height), so no labelled pixel is cut off.
 * <p>
 * The XML is written with the JDK's own StAX writer, which escapes markup characters; characters XML 1.0 cannot
 * hold at all (control characters) become U+FFFD.
 */
final class VocWriter {

	static final String FOLDER = "Annotations/";

	private VocWriter() {
	}

	/** @return how many tasks had boxes written */
	static int write(TaskStore store, List<TaskId> ids, OutputStream out, Progress progress,
			Consumer<TaskProblem> problems, TaskExporter.LeftOut leftOut) throws IOException {
		XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();
		int exportedTasks = 0;
		try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			for (TaskId id : ids) {
				progress.checkCanceled();
				Task task = store.read(id);
				List<VisualBoxes.PageImage> images = VisualBoxes.of(task, problems, leftOut.assertionLabels).images();
				leftOut.count(task);
				for (VisualBoxes.PageImage image : images) {
					zip.putNextEntry(new ZipEntry(entryName(id, image)));
					writeXml(factory, zip, image);
					zip.closeEntry();
				}
				if (!images.isEmpty()) {
					exportedTasks++;
				}
				progress.worked(1);
			}
		}
		return exportedTasks;
	}

	static String entryName(TaskId id, VisualBoxes.PageImage image) {
		return FOLDER + "task-" + id + (image.multiPage() ? "-page-" + image.page() : "") + ".xml";
	}

	private static void writeXml(XMLOutputFactory factory, OutputStream out, VisualBoxes.PageImage image)
			throws IOException {
		try {
			// closing a StAX writer leaves the stream open, as the zip needs
			XMLStreamWriter xml = factory.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
			xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
			Indented doc = new Indented(xml);
			doc.start("annotation", 0);
			doc.element("folder", image.folder(), 1);
			doc.element("filename", image.fileName(), 1);
			doc.start("size", 1);
			doc.element("width", Integer.toString(image.width()), 2);
			doc.element("height", Integer.toString(image.height()), 2);
			doc.element("depth", "3", 2);
			doc.end(1);
			doc.element("segmented", "0", 1);
			for (VisualBoxes.Box box : image.boxes()) {
				doc.start("object", 1);
				doc.element("name", box.label(), 2);
				doc.element("pose", "Unspecified", 2);
				doc.element("truncated", "0", 2);
				doc.element("difficult", "0", 2);
				doc.start("bndbox", 2);
				doc.element("xmin", box.left().setScale(0, RoundingMode.FLOOR).toPlainString(), 3);
				doc.element("ymin", box.top().setScale(0, RoundingMode.FLOOR).toPlainString(), 3);
				doc.element("xmax", box.right().setScale(0, RoundingMode.CEILING).toPlainString(), 3);
				doc.element("ymax", box.bottom().setScale(0, RoundingMode.CEILING).toPlainString(), 3);
				doc.end(2);
				doc.end(1);
			}
			doc.end(0);
			xml.writeCharacters("\n");
			xml.writeEndDocument();
			xml.close();
		} catch (XMLStreamException e) {
			throw new IOException("could not write Pascal VOC XML for " + image.fileName() + ": " + e.getMessage(), e);
		}
	}

	/** Elements one per line, indented by depth with tabs, so the files read well. */
	private record Indented(XMLStreamWriter xml) {

		void start(String name, int depth) throws XMLStreamException {
			indent(depth);
			xml.writeStartElement(name);
		}

		void end(int depth) throws XMLStreamException {
			indent(depth);
			xml.writeEndElement();
		}

		void element(String name, String text, int depth) throws XMLStreamException {
			indent(depth);
			xml.writeStartElement(name);
			xml.writeCharacters(xmlChars(text));
			xml.writeEndElement();
		}

		private void indent(int depth) throws XMLStreamException {
			xml.writeCharacters("\n" + "\t".repeat(depth));
		}
	}

	/** The text with every character XML 1.0 cannot hold (controls, lone surrogates) replaced by U+FFFD. */
	static String xmlChars(String text) {
		StringBuilder safe = new StringBuilder(text.length());
		text.codePoints().forEach(c -> safe.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD
				|| c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 ? c : 0xFFFD));
		return safe.toString();
	}
}
