package io.labelbench.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.labelbench.core.check.ResultSchema;

/**
 * A parsed {@code labeling-config.xml}: the element tree with source ranges, the object and control tags,
 * the Relations block, and the diagnostics of parsing (malformed XML, DOCTYPE, entities). Parsing never
 * throws on bad input; {@link ConfigValidator} adds the semantic checks.
 */
public final class LabelingConfig implements ResultSchema {

	private final String text;
	private final List<ConfigElement> elements;
	private final ConfigElement root;
	private final List<Diagnostic> parseDiagnostics;
	private final List<ObjectTag> objectTags = new ArrayList<>();
	private final List<ControlTag> controlTags = new ArrayList<>();
	private final Map<String, ObjectTag> objects = new LinkedHashMap<>();
	private final Map<String, ControlTag> controls = new LinkedHashMap<>();
	private final List<ConfigElement> relationsBlocks = new ArrayList<>();
	private final List<LabelValue> relations = new ArrayList<>();
	final Reporter reporter;

	private LabelingConfig(String text, ConfigEncoding.Problem encodingProblem) {
		this.text = text;
		this.reporter = new Reporter(text);
		if (encodingProblem != null) {
			reporter.report(ConfigEncoding.CODE, Severity.ERROR, encodingProblem.message(), encodingProblem.offset(),
					encodingProblem.offset() + encodingProblem.length());
		}
		ConfigParser parser = new ConfigParser(text, reporter);
		parser.parse();
		this.elements = Collections.unmodifiableList(parser.elements());
		this.root = parser.roots().isEmpty() ? null : parser.roots().get(0);
		this.parseDiagnostics = List.copyOf(reporter.diagnostics);
		for (ConfigElement e : elements) {
			String key = e.key();
			if (Tags.OBJECTS.contains(key)) {
				ObjectTag object = new ObjectTag(e, e.get("name"), e.get("value") != null ? e.get("value") : e.get("valueList"));
				objectTags.add(object);
				if (object.name() != null) {
					objects.putIfAbsent(object.name(), object);
				}
			} else if (Tags.isControl(key)) {
				ControlTag control = control(e);
				controlTags.add(control);
				if (control.name() != null) {
					controls.putIfAbsent(control.name(), control);
				}
			} else if (key.equals("relations")) {
				relationsBlocks.add(e);
			} else if (key.equals("relation") && e.isInside("relations")) {
				relations.add(LabelValue.of(e));
			}
		}
	}

	public static LabelingConfig parse(String text) {
		return new LabelingConfig(text, null);
	}

	/** The config in a file's bytes, decoded as {@link ConfigEncoding} says; bad bytes are an error finding. */
	public static LabelingConfig decode(byte[] bytes) {
		ConfigEncoding decoded = ConfigEncoding.decode(bytes);
		return new LabelingConfig(decoded.text(), decoded.problem());
	}

	public static LabelingConfig read(Path file) throws IOException {
		return decode(Files.readAllBytes(file));
	}

	private static ControlTag control(ConfigElement e) {
		String key = e.key();
		String valueKey = Tags.LABEL_CONTROLS.contains(key) ? "label" : Tags.CHOICE_CONTROLS.contains(key) ? "choice" : null;
		List<LabelValue> values = new ArrayList<>();
		if (valueKey != null) {
			collect(e, valueKey, values);
		}
		String value = e.get("value");
		boolean dynamic = value != null && value.trim().startsWith("$")
				// Taxonomy can also load its tree from an API
				|| key.equals("taxonomy") && e.get("apiUrl") != null;
		return new ControlTag(e, e.get("name"), splitNames(e.get("toName")), List.copyOf(values), dynamic);
	}

	private static void collect(ConfigElement parent, String valueKey, List<LabelValue> into) {
		for (ConfigElement child : parent.children) {
			if (child.key().equals(valueKey)) {
				into.add(LabelValue.of(child));
			}
			if (!Tags.isControl(child.key())) {
				collect(child, valueKey, into);
			}
		}
	}

	static List<String> splitNames(String list) {
		if (list == null) {
			return List.of();
		}
		List<String> names = new ArrayList<>(1);
		for (String part : list.split(",")) {
			String name = part.trim();
			if (!name.isEmpty()) {
				names.add(name);
			}
		}
		return names;
	}

	/** The text as given; the model is a view on it, so unknown tags and attributes are never lost. */
	public String text() {
		return text;
	}

	/** The root element (normally {@code <View>}), or {@code null} when the text has none. */
	public ConfigElement root() {
		return root;
	}

	/** Every element in document order. */
	public List<ConfigElement> elements() {
		return elements;
	}

	/** Findings of the XML level: malformed XML, DOCTYPE, undefined entities. */
	public List<Diagnostic> parseDiagnostics() {
		return parseDiagnostics;
	}

	/** Object tags in document order, duplicates and unnamed ones included. */
	public List<ObjectTag> objectTags() {
		return Collections.unmodifiableList(objectTags);
	}

	/** Control tags in document order, duplicates and unnamed ones included. */
	public List<ControlTag> controlTags() {
		return Collections.unmodifiableList(controlTags);
	}

	/** The first object tag with this name, or {@code null}. */
	public ObjectTag object(String name) {
		return objects.get(name);
	}

	/** The first control tag with this name, or {@code null}. */
	public ControlTag control(String name) {
		return controls.get(name);
	}

	public Set<String> objectNames() {
		return Collections.unmodifiableSet(objects.keySet());
	}

	public Set<String> controlNames() {
		return Collections.unmodifiableSet(controls.keySet());
	}

	/** The {@code <Relations>} elements (normally none or one). */
	public List<ConfigElement> relationsBlocks() {
		return Collections.unmodifiableList(relationsBlocks);
	}

	/** The {@code <Relation>} values inside Relations blocks. */
	public List<LabelValue> relations() {
		return Collections.unmodifiableList(relations);
	}

	/** Distinct {@code model} attributes of labels, choices and relations, in order of first use. */
	public Set<String> models() {
		Set<String> models = new LinkedHashSet<>();
		for (LabelValue value : allValues()) {
			if (value.model() != null) {
				models.add(value.model());
			}
		}
		return models;
	}

	/** Every label, choice and relation value in document order. */
	public List<LabelValue> allValues() {
		List<LabelValue> all = new ArrayList<>();
		for (ControlTag control : controlTags) {
			all.addAll(control.values());
		}
		all.addAll(relations);
		all.sort((a, b) -> Integer.compare(a.element().start(), b.element().start()));
		return all;
	}

	@Override
	public boolean hasControl(String name) {
		return controls.containsKey(name);
	}

	@Override
	public boolean controlTargets(String controlName, String objectName) {
		ControlTag control = controls.get(controlName);
		return control != null && control.toNames().contains(objectName);
	}

	@Override
	public Set<String> valuesOf(String controlName) {
		ControlTag control = controls.get(controlName);
		if (control == null || !control.hasClosedValues()) {
			return Set.of();
		}
		Set<String> values = new LinkedHashSet<>();
		for (LabelValue value : control.values()) {
			if (value.value() != null) {
				values.add(value.value());
				// results may carry the alias instead of the value
				if (value.alias() != null) {
					values.add(value.alias());
				}
			}
		}
		return Collections.unmodifiableSet(values);
	}

	@Override
	public Set<String> relationLabels() {
		Set<String> labels = new LinkedHashSet<>();
		for (LabelValue relation : relations) {
			if (relation.value() != null) {
				labels.add(relation.value());
			}
		}
		return Collections.unmodifiableSet(labels);
	}

	@Override
	public Set<String> assertionLabels() {
		Set<String> labels = new LinkedHashSet<>();
		for (ControlTag control : controlTags) {
			for (LabelValue value : control.values()) {
				if (value.assertion() && value.value() != null) {
					labels.add(value.value());
				}
			}
		}
		return Collections.unmodifiableSet(labels);
	}

	@Override
	public String dataFieldOf(String objectName) {
		ObjectTag object = objects.get(objectName);
		return object == null ? null : object.dataField();
	}

	/** Object tags whose {@code value} must be a string in the task: text, or the URL of a file. */
	private static final Set<String> STRING_OBJECTS = Set.of("text", "hypertext", "image", "audio", "audioplus", "video",
			"pdf");

	@Override
	public Map<String, String> textDataFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		for (ObjectTag object : objectTags) {
			// valueList (several images) takes an array, so only a $field in value counts
			if (object.name() != null && STRING_OBJECTS.contains(object.type()) && object.element().get("value") != null
					&& object.dataField() != null) {
				fields.putIfAbsent(object.name(), object.dataField());
			}
		}
		return Collections.unmodifiableMap(fields);
	}

	/** 1-based line of an offset. */
	public int line(int offset) {
		return reporter.line(offset);
	}

	/** 1-based column of an offset. */
	public int column(int offset) {
		return reporter.column(offset);
	}

	@Override
	public String toString() {
		return "LabelingConfig" + Arrays.asList(objects.keySet(), controls.keySet());
	}
}
