package io.labelbench.ui.editors.task;

import static io.labelbench.ui.editors.task.EditorLayouts.button;
import static io.labelbench.ui.editors.task.EditorLayouts.row;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.config.ControlTag;
import io.labelbench.core.edit.AnnotationDiff;
import io.labelbench.core.edit.PageBox;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Region;
import io.labelbench.ui.tasks.TaskEditors;
import io.labelbench.visual.Box;
import io.labelbench.visual.Page;
import io.labelbench.visual.PageImages;
import io.labelbench.visual.Token;
import io.labelbench.visual.VisualImporter;

/**
 * The task editor for PDFs and images: the page picture with the prediction's boxes on the left and the
 * completion's on the right, zoomed and scrolled together, page by page. A box is drawn by clicking a label and
 * dragging on the page; with "Snap to words" it takes exactly the words it touches, as a reviewer selects words
 * to label them, and a click on a word labels that word. Boxes are moved by dragging and resized by their corners; their text follows the words inside.
 */
public final class VisualTaskEditor extends TaskEditorBase {

	public static final String ID = TaskEditors.VISUAL_ID;

	/** PDF pages are rendered at 1.5 pixels per point (108 dpi) and never beyond this many pixels. */
	private static final float PIXELS_PER_POINT = 1.5f;
	private static final long MAX_PIXELS = 40_000_000L;

	private PageCanvas predictionPage;
	private PageCanvas completionPage;
	private Label pageLabel;
	private Button snap;
	private Label predictionInfo;
	private Label completionInfo;
	private Button deleteRegion;
	private String toName = "image";
	private String armed;
	private ControlTag armedControl;
	private int page = 1;
	private List<Page> pages = List.of();
	private final Map<Integer, Image> pictures = new HashMap<>();

	@Override
	protected String labelControlType() {
		return "rectanglelabels";
	}

	@Override
	protected void inputChanged() {
		List<ControlTag> controls = labelControls();
		toName = controls.isEmpty() ? "image" : controls.get(0).toNames().get(0);
		pictures.values().forEach(Image::dispose);
		pictures.clear();
		page = 1;
		try {
			pages = VisualImporter.pagesOf(project(), session().task());
		} catch (IOException e) {
			pages = List.of();
			note(e.getMessage());
		}
		showPage();
	}

	@Override
	protected void configChanged() {
		List<ControlTag> controls = labelControls();
		toName = controls.isEmpty() ? "image" : controls.get(0).toNames().get(0);
	}

	/** The text of the selected boxes, one a line. */
	@Override
	protected void copy() {
		List<String> texts = new ArrayList<>();
		for (Region region : selected()) {
			if (region.text() != null) {
				texts.add(region.text());
			}
		}
		if (!texts.isEmpty()) {
			Clipboard clipboard = new Clipboard(completionPage.canvas().getDisplay());
			try {
				clipboard.setContents(new Object[] { String.join("\n", texts) }, new Transfer[] { TextTransfer.getInstance() });
			} finally {
				clipboard.dispose();
			}
		}
	}

	/** Selects every box of the completion on the shown page. */
	@Override
	protected void selectAll() {
		selection().regions().clear();
		completionPage.boxes().forEach(region -> selection().regions().add(region.json()));
		refresh();
	}

	@Override
	protected void chipClicked(ControlTag control, String label) {
		armed = label;
		armedControl = control;
		List<Region> regions = selected();
		if (regions.size() == 1) {
			edit(() -> session().relabel(regions.get(0), label));
		}
	}

	@Override
	protected String armedLabel() {
		return armed;
	}

	@Override
	protected String legend() {
		return Messages.VisualEditor_legend;
	}

	@Override
	protected void createTopTools(Composite top) {
		Composite tools = row(top, 7);
		tools.setLayoutData(new GridData(SWT.CENTER, SWT.CENTER, false, false));
		button(tools, Messages.VisualEditor_previousPage, e -> turn(-1));
		pageLabel = new Label(tools, SWT.NONE);
		button(tools, Messages.VisualEditor_nextPage, e -> turn(+1));
		button(tools, Messages.VisualEditor_zoomOut, e -> zoom(predictionPage.zoom() / 1.25));
		button(tools, Messages.VisualEditor_zoomIn, e -> zoom(predictionPage.zoom() * 1.25));
		button(tools, Messages.VisualEditor_fitWidth, e -> zoom(completionPage.fitWidthZoom()));
		snap = new Button(tools, SWT.CHECK);
		snap.setText(Messages.VisualEditor_snap);
		snap.setSelection(true);
	}

	@Override
	protected void createPredictionView(Composite side) {
		predictionPage = new PageCanvas(side, colors(), false);
		predictionPage.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		predictionPage.setGestures(new PageCanvas.Gestures() {
			@Override
			public void selected(Region region, boolean add) {
				selection().pickPrediction(region);
				refresh();
			}

			@Override
			public void drawn(PageBox box) {
				// read-only
			}

			@Override
			public void reshaped(Region region, PageBox box) {
				// read-only
			}

			@Override
			public void doubleClicked(Region region) {
				selection().pickPrediction(region);
				acceptSelected();
			}

			@Override
			public void clickedPage(PageBox point) {
				// read-only
			}
		});
	}

	@Override
	protected void createCompletionView(Composite side) {
		completionPage = new PageCanvas(side, colors(), true);
		completionPage.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		completionPage.setGestures(new PageCanvas.Gestures() {
			@Override
			public void selected(Region region, boolean add) {
				select(region, add);
			}

			@Override
			public void drawn(PageBox box) {
				draw(box);
			}

			@Override
			public void reshaped(Region region, PageBox box) {
				edit(() -> session().reshape(region, box, wordsIn(box).text()));
			}

			@Override
			public void doubleClicked(Region region) {
				// nothing: a double click on one's own box is a click
			}

			@Override
			public void clickedPage(PageBox point) {
				Words word = armed == null ? null : wordAt(point);
				if (word == null) {
					select(null, false);
				} else {
					draw(word.box());
				}
			}
		});
		completionPage.canvas().addListener(SWT.KeyDown, e -> {
			if (e.keyCode == SWT.DEL) {
				deleteSelected();
			}
		});
		predictionPage.follow(completionPage);
		completionPage.follow(predictionPage);
	}

	@Override
	protected void createPredictionDetails(Composite details) {
		predictionInfo = new Label(details, SWT.WRAP);
		predictionInfo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
	}

	@Override
	protected void createCompletionDetails(Composite details) {
		Composite row = row(details, 2);
		deleteRegion = button(row, Messages.TaskEditor_deleteRegion, e -> deleteSelected());
		completionInfo = new Label(row, SWT.WRAP);
		completionInfo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
	}

	// --- pages ---------------------------------------------------------------------------------------------

	private int pageCount() {
		if (!pages.isEmpty()) {
			return pages.size();
		}
		JsonNode count = session().task().data().get("pages");
		return count != null && count.canConvertToInt() ? Math.max(1, count.intValue()) : 1;
	}

	private void turn(int step) {
		int target = page + step;
		if (target >= 1 && target <= pageCount()) {
			page = target;
			showPage();
			refresh();
		}
	}

	private void zoom(double zoom) {
		predictionPage.setZoom(zoom);
		completionPage.setZoom(zoom);
	}

	/** Shows the picture of the current page on both sides, rendering it the first time. */
	private void showPage() {
		if (predictionPage == null) {
			return;
		}
		Image picture = pictures.get(page);
		if (picture == null) {
			try {
				Path document = PageImages.documentOf(project(), session().task());
				byte[] png = PageImages.png(PageImages.render(document, page - 1, PIXELS_PER_POINT, MAX_PIXELS));
				picture = new Image(predictionPage.canvas().getDisplay(), new ByteArrayInputStream(png));
				pictures.put(page, picture);
			} catch (IOException | RuntimeException e) {
				note(NLS.bind(Messages.VisualEditor_noPicture, page, e.getMessage()));
			}
		}
		predictionPage.setPage(picture, page);
		completionPage.setPage(picture, page);
		pageLabel.setText(NLS.bind(Messages.VisualEditor_page, page, pageCount()));
		pageLabel.getParent().layout();
	}

	// --- drawing -------------------------------------------------------------------------------------------

	/** The words of the current page whose centres lie in a box: their union and their text in reading order. */
	record Words(PageBox box, String text) {
	}

	/** The extracted words of the shown page, or {@code null} when the page cache lacks them. */
	private Page currentPage() {
		return page - 1 < pages.size() ? pages.get(page - 1) : null;
	}

	Words wordsIn(PageBox box) {
		Page current = currentPage();
		if (current == null) {
			return new Words(box, null);
		}
		Box union = null;
		StringBuilder text = new StringBuilder();
		int line = -1;
		for (Token token : current.tokens()) {
			Box word = token.box();
			double cx = 100 * (word.x0() + word.x1()) / 2 / current.width();
			double cy = 100 * (word.y0() + word.y1()) / 2 / current.height();
			if (cx >= box.x() && cx <= box.x() + box.width() && cy >= box.y() && cy <= box.y() + box.height()) {
				union = word.union(union);
				if (text.length() > 0) {
					text.append(token.line() == line ? ' ' : '\n');
				}
				text.append(token.text());
				line = token.line();
			}
		}
		if (union == null) {
			return new Words(box, null);
		}
		return new Words(current.percentOf(union), text.toString());
	}

	/** The word under a point of the current page, as its box and text; {@code null} off the words. */
	Words wordAt(PageBox point) {
		Page current = currentPage();
		if (current == null) {
			return null;
		}
		double x = point.x() * current.width() / 100;
		double y = point.y() * current.height() / 100;
		for (Token token : current.tokens()) {
			Box word = token.box();
			if (x >= word.x0() && x <= word.x1() && y >= word.y0() && y <= word.y1()) {
				return new Words(current.percentOf(word), token.text());
			}
		}
		return null;
	}

	private void draw(PageBox drawn) {
		if (armed == null) {
			fail(Messages.VisualEditor_pickLabel);
			return;
		}
		Words words = wordsIn(drawn);
		PageBox box = snap.getSelection() && words.text() != null ? words.box() : drawn;
		Page current = currentPage();
		double width = current == null ? 100 : current.width();
		double height = current == null ? 100 : current.height();
		// the new box is not selected: the next label click arms that label for the next box, it relabels only a
		// box the user selected
		selection().regions().clear();
		edit(() -> session().addRectangle(armedControl.name(), toName, box, width, height, words.text(), armed));
	}

	// --- showing -------------------------------------------------------------------------------------------

	@Override
	protected void render(Annotation shown, Annotation current, AnnotationDiff diff,
			Map<ObjectNode, List<String>> currentProblems) {
		Set<ObjectNode> predictionSelection = selection().predictionAsSet();
		Map<ObjectNode, List<String>> shownProblems = shown == null ? Map.of() : session().problems(shown);
		predictionPage.render(shown == null ? List.of() : shown.results(), diff, shownProblems, session()::isRejected,
				predictionSelection, session().assertions());
		completionPage.render(current == null ? List.of() : current.results(), diff, currentProblems, region -> false,
				selection().regions(), session().assertions());
		predictionInfo.setText(selection().prediction() == null ? Messages.format(Messages.VisualEditor_boxesOnPage,
				predictionPage.boxes().size()) : describe(selection().prediction(), diff, shownProblems));
		List<Region> regions = selected();
		completionInfo.setText(regions.size() == 1 ? describe(regions.get(0), diff, currentProblems)
				: Messages.format(Messages.VisualEditor_boxesOnPage, completionPage.boxes().size()));
		deleteRegion.setEnabled(!regions.isEmpty());
	}

	/** The hover text plus which part of a chunk split over lines the box is. */
	private String describe(Region region, AnnotationDiff diff, Map<ObjectNode, List<String>> problems) {
		String text = AnnotationView.describe(region, diff, session()::isRejected, problems);
		JsonNode meta = region.json().get("meta");
		if (meta != null && meta.has("chunk")) {
			text += " \u00b7 " + NLS.bind(Messages.VisualEditor_chunkPart, new Object[] { meta.path("part").asInt(),
					meta.path("parts").asInt(), meta.get("chunk").asText() });
		}
		return text;
	}

	@Override
	public void setFocus() {
		if (completionPage != null) {
			completionPage.canvas().setFocus();
		}
	}

	@Override
	public void dispose() {
		pictures.values().forEach(Image::dispose);
		pictures.clear();
		super.dispose();
	}

	// --- for tests -----------------------------------------------------------------------------------------

	public int page() {
		return page;
	}

	public org.eclipse.swt.widgets.Canvas predictionCanvas() {
		return predictionPage.canvas();
	}

	public org.eclipse.swt.widgets.Canvas completionCanvas() {
		return completionPage.canvas();
	}

	/** The boxes each side draws on the current page. */
	public List<Region> predictionBoxes() {
		return new ArrayList<>(predictionPage.boxes());
	}

	public List<Region> completionBoxes() {
		return new ArrayList<>(completionPage.boxes());
	}

	/** The text over a completion box ("PROBLEM · absent"). */
	public String boxLabel(Region box) {
		return completionPage.labels().labelOf(box);
	}

	/** Where the label of a relation, or of a box with a status, is drawn in the completion, once painted. */
	public org.eclipse.swt.graphics.Rectangle relationLabel(Region relation) {
		return completionPage.labels().labelBox(relation);
	}

	/** Where a box of the completion is drawn on its canvas. */
	public org.eclipse.swt.graphics.Rectangle onCanvas(Region region) {
		return completionPage.toCanvas(PageBox.of(region));
	}
}
