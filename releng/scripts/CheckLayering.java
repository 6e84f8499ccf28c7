import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The layering and Eclipse conventions of the bundles, checked from the sources (no build needed):
 * <ul>
 * <li>no cycle between the io.labelbench packages of a bundle (imports and qualified names in the code);</li>
 * <li>every Labelbench bundle a bundle requires is used by its code (a package it exports is referenced);</li>
 * <li>every bundle with a plugin.xml localizes its names: {@code Bundle-Localization: plugin}, a
 * plugin.properties in bin.includes, {@code %key} for Bundle-Name and for the names in plugin.xml, each key
 * defined;</li>
 * <li>test bundles live under tests/, nothing under bundles/ ends in .tests;</li>
 * <li>the Tycho version is written once, in .mvn/maven.config.</li>
 * </ul>
 * Run from the repository root: {@code java releng/scripts/CheckLayering.java}. Prints one line per problem
 * and exits 1 when there is any.
 */
public final class CheckLayering {

	private static final Pattern REFERENCE = Pattern.compile("\\b(io\\.labelbench(?:\\.[a-z][a-z0-9_]*)+)\\.[A-Z]");
	private static final Pattern NAME_ATTRIBUTE = Pattern.compile("\\s(name|label|description)=\"([^\"]*)\"");
	private static final Pattern KEY = Pattern.compile("%([\\w.]+)");

	private final List<String> problems = new ArrayList<>();

	public static void main(String[] args) throws IOException {
		CheckLayering check = new CheckLayering();
		Path root = Path.of(args.length > 0 ? args[0] : ".");
		List<Path> bundles = new ArrayList<>();
		for (String folder : List.of("bundles", "tests")) {
			if (!Files.isDirectory(root.resolve(folder))) {
				continue;
			}
			try (Stream<Path> children = Files.list(root.resolve(folder))) {
				children.filter(dir -> Files.isRegularFile(dir.resolve("META-INF/MANIFEST.MF"))).sorted()
						.forEach(bundles::add);
			}
		}
		Map<String, Set<String>> exports = new TreeMap<>();
		for (Path bundle : bundles) {
			exports.put(bundle.getFileName().toString(), exportedPackages(bundle));
		}
		for (Path bundle : bundles) {
			check.packageCycles(bundle);
			check.requiredBundlesUsed(bundle, exports);
			check.localization(bundle);
			if (bundle.getParent().getFileName().toString().equals("bundles")
					&& bundle.getFileName().toString().endsWith(".tests")) {
				check.problem(bundle + ": a test bundle belongs under tests/");
			}
		}
		check.tychoVersionOnce(root);
		check.problems.forEach(System.out::println);
		if (!check.problems.isEmpty()) {
			System.exit(1);
		}
		System.out.println("layering and conventions: " + bundles.size() + " bundles, no problem");
	}

	private void problem(String message) {
		problems.add(message);
	}

	private static Manifest manifest(Path bundle) throws IOException {
		try (var in = Files.newInputStream(bundle.resolve("META-INF/MANIFEST.MF"))) {
			return new Manifest(in);
		}
	}

	/** Header clauses without their attributes and directives: {@code a;version="1",b} gives a, b. */
	private static List<String> clauses(String header) {
		List<String> names = new ArrayList<>();
		if (header == null) {
			return names;
		}
		boolean quoted = false;
		StringBuilder current = new StringBuilder();
		for (char c : (header + ",").toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			if (c == ',' && !quoted) {
				names.add(current.toString().split(";")[0].strip());
				current.setLength(0);
			} else {
				current.append(c);
			}
		}
		return names;
	}

	private static Set<String> exportedPackages(Path bundle) throws IOException {
		return new TreeSet<>(clauses(manifest(bundle).getMainAttributes().getValue("Export-Package")));
	}

	/** package -> the io.labelbench packages its classes refer to, from every source folder of the bundle. */
	private static Map<String, Set<String>> references(Path bundle) throws IOException {
		Map<String, Set<String>> graph = new TreeMap<>();
		for (String folder : List.of("src", "src_test")) {
			Path sources = bundle.resolve(folder);
			if (!Files.isDirectory(sources)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(sources)) {
				for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
					String from = sources.relativize(file.getParent()).toString().replace('/', '.');
					Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
					Matcher matcher = REFERENCE.matcher(Files.readString(file));
					while (matcher.find()) {
						if (!matcher.group(1).equals(from)) {
							to.add(matcher.group(1));
						}
					}
				}
			}
		}
		return graph;
	}

	private void packageCycles(Path bundle) throws IOException {
		Map<String, Set<String>> graph = references(bundle);
		Set<String> reported = new TreeSet<>();
		for (String start : graph.keySet()) {
			for (String next : graph.get(start)) {
				List<String> path = pathBack(graph, next, start);
				if (path != null) {
					List<String> cycle = new ArrayList<>();
					cycle.add(start);
					cycle.addAll(path);
					Set<String> members = new TreeSet<>(cycle);
					if (reported.add(members.toString())) {
						problem(bundle + ": package cycle " + String.join(" -> ", cycle));
					}
				}
			}
		}
	}

	/** A path of references from {@code from} to {@code to} inside the bundle's packages, or null. */
	private static List<String> pathBack(Map<String, Set<String>> graph, String from, String to) {
		Map<String, String> parent = new TreeMap<>();
		List<String> queue = new ArrayList<>(List.of(from));
		parent.put(from, from);
		for (int i = 0; i < queue.size(); i++) {
			String current = queue.get(i);
			if (current.equals(to)) {
				List<String> path = new ArrayList<>();
				for (String p = to; ; p = parent.get(p)) {
					path.add(0, p);
					if (p.equals(from)) {
						return path;
					}
				}
			}
			for (String next : graph.getOrDefault(current, Set.of())) {
				if (graph.containsKey(next) && parent.putIfAbsent(next, current) == null) {
					queue.add(next);
				}
			}
		}
		return null;
	}

	private void requiredBundlesUsed(Path bundle, Map<String, Set<String>> exports) throws IOException {
		Set<String> referenced = new LinkedHashSet<>();
		references(bundle).values().forEach(referenced::addAll);
		for (String required : clauses(manifest(bundle).getMainAttributes().getValue("Require-Bundle"))) {
			Set<String> packages = exports.get(required);
			if (packages != null && packages.stream().noneMatch(referenced::contains)) {
				problem(bundle + ": requires " + required + " but uses none of its packages " + packages);
			}
		}
	}

	private void localization(Path bundle) throws IOException {
		Path pluginXml = bundle.resolve("plugin.xml");
		if (!Files.isRegularFile(pluginXml)) {
			return;
		}
		var headers = manifest(bundle).getMainAttributes();
		if (!"plugin".equals(headers.getValue("Bundle-Localization"))) {
			problem(bundle + ": has a plugin.xml but no 'Bundle-Localization: plugin'");
		}
		String name = headers.getValue("Bundle-Name");
		if (name == null || !name.startsWith("%")) {
			problem(bundle + ": Bundle-Name is not a %key of plugin.properties");
		}
		Path propertiesFile = bundle.resolve("plugin.properties");
		java.util.Properties properties = new java.util.Properties();
		if (Files.isRegularFile(propertiesFile)) {
			try (var in = Files.newInputStream(propertiesFile)) {
				properties.load(in);
			}
		} else {
			problem(bundle + ": no plugin.properties");
		}
		String build = Files.readString(bundle.resolve("build.properties"));
		if (!build.contains("plugin.properties")) {
			problem(bundle + ": build.properties does not include plugin.properties in the bundle");
		}
		// comments, menu separators, product properties, marker attributes, class names of enablements: names there
		// are ids, never shown
		String xml = Files.readString(pluginXml).replaceAll("(?s)<!--.*?-->", "").replaceAll("<(separator|property|attribute|parameter|objectClass) [^>]*>", "");
		Matcher attribute = NAME_ATTRIBUTE.matcher(xml);
		while (attribute.find()) {
			String value = attribute.group(2);
			if (!value.startsWith("%")) {
				problem(pluginXml + ": " + attribute.group(1) + "=\"" + value + "\" is not a %key of plugin.properties");
			}
		}
		for (String text : List.of(xml, String.valueOf(name), String.valueOf(headers.getValue("Bundle-Vendor")))) {
			Matcher key = KEY.matcher(text);
			while (key.find()) {
				if (!properties.containsKey(key.group(1))) {
					problem(bundle + ": %" + key.group(1) + " is not defined in plugin.properties");
				}
			}
		}
	}

	private void tychoVersionOnce(Path root) throws IOException {
		Pattern literal = Pattern.compile("tycho-version>\\s*\\d|tycho-build</artifactId>\\s*<version>\\s*\\d");
		for (String file : List.of("pom.xml", ".mvn/extensions.xml", "server/pom.xml")) {
			Path path = root.resolve(file);
			if (Files.isRegularFile(path) && literal.matcher(Files.readString(path)).find()) {
				problem(file + ": writes the Tycho version, which belongs only in .mvn/maven.config");
			}
		}
	}
}
