package io.labelbench.visual;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import io.labelbench.core.model.Task;
import io.labelbench.core.store.LabelbenchProject;

/**
 * The pages of a visual task's document as pictures for an editor: PDF pages rendered by PDFBox, image frames
 * read as they are. Sizes are capped so that a hostile page cannot exhaust memory.
 */
public final class PageImages {

	private PageImages() {
	}

	/**
	 * The document of a visual task: {@code data.image}, which must name a file inside the project's
	 * {@code files/} folder (a task cannot make the editor read any other file).
	 */
	public static Path documentOf(LabelbenchProject project, Task task) throws IOException {
		String name = task.dataText("image");
		if (name == null) {
			throw new IOException("task " + task.id() + " has no document (data.image)");
		}
		Path files = project.folder().resolve(LabelbenchProject.FILES_FOLDER).toAbsolutePath().normalize();
		Path document = project.folder().resolve(name).toAbsolutePath().normalize();
		if (!document.startsWith(files)) {
			throw new IOException("task " + task.id() + ": " + name + " is not a file of the project's "
					+ LabelbenchProject.FILES_FOLDER + "/ folder");
		}
		if (!Files.isRegularFile(document)) {
			throw new IOException("task " + task.id() + ": the document " + name + " is missing");
		}
		return document;
	}

	/**
	 * Page {@code index} (from 0) of a PDF at {@code pixelsPerPoint} (1 is 72 dpi), lowered when the picture
	 * would exceed {@code maxPixels}; or frame {@code index} of an image file.
	 */
	public static BufferedImage render(Path document, int index, float pixelsPerPoint, long maxPixels)
			throws IOException {
		return switch (VisualExtractor.sniff(document)) {
		case PDF -> renderPdf(document, index, pixelsPerPoint, maxPixels);
		case IMAGE -> readFrame(document, index, maxPixels);
		case UNKNOWN -> throw new IOException("unsupported file type: " + document.getFileName());
		};
	}

	private static BufferedImage renderPdf(Path document, int index, float pixelsPerPoint, long maxPixels)
			throws IOException {
		try (PDDocument pdf = Loader.loadPDF(document.toFile())) {
			if (index < 0 || index >= pdf.getNumberOfPages()) {
				throw new IOException("the PDF has no page " + (index + 1));
			}
			double width = PdfTextExtractor.pageWidth(pdf.getPage(index));
			double height = PdfTextExtractor.pageHeight(pdf.getPage(index));
			double pixels = width * height * pixelsPerPoint * pixelsPerPoint;
			float scale = pixels <= maxPixels ? pixelsPerPoint : (float) (pixelsPerPoint * Math.sqrt(maxPixels / pixels));
			return new PDFRenderer(pdf).renderImage(index, scale, ImageType.RGB);
		} catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
			throw new IOException("the PDF is encrypted with a user password", e);
		}
	}

	private static BufferedImage readFrame(Path document, int index, long maxPixels) throws IOException {
		try (ImageInputStream input = ImageIO.createImageInputStream(document.toFile())) {
			Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
			if (readers == null || !readers.hasNext()) {
				throw new IOException("unsupported image type: " + document.getFileName());
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input);
				if (index < 0 || index >= reader.getNumImages(true)) {
					throw new IOException("the image has no frame " + (index + 1));
				}
				long pixels = (long) reader.getWidth(index) * reader.getHeight(index);
				if (pixels > maxPixels) {
					throw new IOException("the image has " + pixels + " pixels, limit " + maxPixels);
				}
				return reader.read(index);
			} finally {
				reader.dispose();
			}
		}
	}

	/** PNG bytes of a picture, for toolkits that load images from streams. */
	public static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(image, "png", out)) {
			throw new IOException("no PNG writer");
		}
		return out.toByteArray();
	}
}
