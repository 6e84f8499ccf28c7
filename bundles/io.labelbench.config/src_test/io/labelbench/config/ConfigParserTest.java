package io.labelbench.config;

import static io.labelbench.config.Configs.assertRange;
import static io.labelbench.config.Configs.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parser: ranges, tolerance, the model it builds, and safety against DTD attacks. */
class ConfigParserTest {

	@Test
	void keepsRangesOfElementsAndAttributes() {
		String text = "<View>\r\n  <Labels name=\"label\"\n     toName='text'>\n</Labels><Text name=\"text\" value=\"$text\"/></View>";
		LabelingConfig config = LabelingConfig.parse(text);
		ConfigElement labels = config.control("label").element();
		assertEquals(text.indexOf("<Labels"), labels.start());
		assertEquals("Labels", text.substring(labels.nameStart(), labels.nameEnd()));
		assertEquals(2, config.line(labels.start()));
		assertEquals(3, config.column(labels.start()));
		ConfigAttribute toName = labels.attribute("TONAME");
		assertEquals("toName", text.substring(toName.nameStart(), toName.nameEnd()));
		assertEquals("text", text.substring(toName.valueStart(), toName.valueEnd()));
		assertEquals(3, config.line(toName.nameStart()));
		assertEquals(6, config.column(toName.nameStart()));
		assertEquals(text.indexOf("</Labels>"), labels.endTagStart());
		assertEquals(text.indexOf("<Text"), labels.end());
		assertEquals(text.length(), config.root().end());
	}

	@Test
	void unknownTagsAndAttributesAreKeptAndTheTextIsUntouched() {
		String text = """
				<View style="display: flex">
				  <View style="width: 50%">
				    <Labels name="label" toName="text" maxUsages="3" showInline="true" perRegion="no">
				      <Label value="DRUG" alias="D" hotkey="d" whenTagName="x" visibleWhen="region-selected"/>
				    </Labels>
				    <Text name="text" value="$text" granularity="word" saveTextResult="no"/>
				    <Gadget knob="11"/>
				  </View>
				</View>
				""";
		LabelingConfig config = LabelingConfig.parse(text);
		assertEquals(text, config.text());
		ConfigElement labels = config.control("label").element();
		assertEquals(List.of("name", "toName", "maxUsages", "showInline", "perRegion"),
				labels.attributes().stream().map(ConfigAttribute::name).toList());
		LabelValue drug = config.control("label").values().get(0);
		assertEquals("region-selected", drug.element().get("visibleWhen"));
		assertEquals("D", drug.alias());
		ConfigElement gadget = config.elements().stream().filter(e -> e.key().equals("gadget")).findFirst().orElseThrow();
		assertEquals("11", gadget.get("knob"));
		assertEquals("width: 50%", config.root().children().get(0).get("style"));
		// merging labels elsewhere leaves every unknown attribute byte for byte
		String merged = PredefinedLabels.merge(text, "label", null, List.of("DOSAGE"));
		assertTrue(merged.contains("maxUsages=\"3\" showInline=\"true\" perRegion=\"no\""));
		assertTrue(merged.contains("<Gadget knob=\"11\"/>"));
	}

	@Test
	void commentsAnywhereAndCaseInsensitiveNames() {
		String text = "<?xml version=\"1.0\"?>\n<!-- a --><VIEW><!-- b --><text NAME=\"t\" Value=\"$t\"/><!-- c -->"
				+ "<choices name=\"c\" TONAME=\"t\"><!-- d --><choice VALUE=\"yes\"/></choices></VIEW><!-- e -->";
		LabelingConfig config = LabelingConfig.parse(text);
		assertEquals(List.of(), config.parseDiagnostics());
		assertEquals("t", config.dataFieldOf("t"));
		assertTrue(config.controlTargets("c", "t"));
		assertEquals(Set.of("yes"), config.valuesOf("c"));
	}

	@Test
	void entitiesAndCharacterReferencesAreDecoded() {
		LabelingConfig config = LabelingConfig.parse(
				"<View><Text name=\"t\" value=\"$t\"/><Choices name=\"c\" toName=\"t\"><Choice value=\"A &amp; B &#x263A; &#65;\"/>"
						+ "</Choices></View>");
		assertEquals(Set.of("A & B \u263A A"), config.valuesOf("c"));
		for (String bad : List.of("&#+65;", "&#xFFFFFFFFFFFF;", "&#0;", "&#x;", "&#xD800;")) {
			String text = "<View><Header value=\"a " + bad + " b\"/></View>";
			Diagnostic d = only(LabelingConfig.parse(text).parseDiagnostics(), ConfigValidator.MALFORMED);
			assertRange(text, d, bad, bad);
		}
	}

	@Test
	void resultSchemaFollowsTheConfig() {
		LabelingConfig config = LabelingConfig.parse("""
				<View>
				  <Labels name="ner" toName="text,title"><Label value="DRUG" alias="D"/></Labels>
				  <Labels name="free" toName="text" value="$labels"/>
				  <TextArea name="notes" toName="text"/>
				  <Text name="text" value="$body"/><Text name="title" value="$title"/><Header value="Read"/>
				  <Text name="intro" value="Static words"/>
				</View>
				""");
		assertTrue(config.hasControl("ner"));
		assertFalse(config.hasControl("text"));
		assertTrue(config.controlTargets("ner", "title"));
		assertFalse(config.controlTargets("notes", "title"));
		assertEquals(Set.of("DRUG", "D"), config.valuesOf("ner"));
		assertEquals(Set.of(), config.valuesOf("free"));
		assertEquals(Set.of(), config.valuesOf("notes"));
		assertEquals("body", config.dataFieldOf("text"));
		assertNull(config.dataFieldOf("intro"));
		assertNull(config.dataFieldOf("nothing"));
	}

	@Test
	void xxeIsRefusedAndTheFileIsNeverRead(@TempDir Path dir) throws Exception {
		Path secret = dir.resolve("hostname");
		Files.writeString(secret, "secret-host-name");
		try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			AtomicInteger connections = new AtomicInteger();
			Thread accept = new Thread(() -> {
				while (!server.isClosed()) {
					try (Socket socket = server.accept()) {
						connections.incrementAndGet();
					} catch (IOException closed) {
						return;
					}
				}
			});
			accept.setDaemon(true);
			accept.start();
			String url = "http://127.0.0.1:" + server.getLocalPort() + "/x.dtd";
			String text = "<!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri() + "\"><!ENTITY % remote SYSTEM \"" + url
					+ "\"> %remote;]>\n<View><Text name=\"t\" value=\"$t\"/><Header value=\"&e;\"/>&e;</View>";
			String external = "<!DOCTYPE View SYSTEM \"" + url + "\">\n" + Configs.NER;
			for (String config : List.of(text, external)) {
				List<Diagnostic> found = new ConfigValidator().validate(config);
				Diagnostic doctype = only(found, ConfigValidator.DOCTYPE);
				assertEquals(1, doctype.line());
				assertEquals(1, doctype.column());
				assertTrue(found.stream().noneMatch(d -> d.message().contains("secret-host-name")));
			}
			List<Diagnostic> entities = Configs.of(new ConfigValidator().validate(text), ConfigValidator.ENTITY);
			assertEquals(2, entities.size());
			assertRange(text, entities.get(0), "&e;", "&e;");
			assertEquals("", LabelingConfig.parse(text).root().children().get(1).get("value"));
			Thread.sleep(100);
			assertEquals(0, connections.get(), "nothing may be fetched");
		}
	}

	@Test
	void billionLaughsIsRefusedWithoutExpansion() {
		StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
		for (int level = 1; level <= 9; level++) {
			dtd.append(" <!ENTITY lol").append(level).append(" \"");
			for (int k = 0; k < 10; k++) {
				dtd.append("&lol").append(level == 1 ? "" : Integer.toString(level - 1)).append(';');
			}
			dtd.append("\">\n");
		}
		String text = dtd + "]>\n<View><Text name=\"t\" value=\"&lol9;\"/></View>";
		Runtime runtime = Runtime.getRuntime();
		long before = runtime.totalMemory() - runtime.freeMemory();
		LabelingConfig config = LabelingConfig.parse(text);
		List<Diagnostic> found = new ConfigValidator().validate(config);
		long after = runtime.totalMemory() - runtime.freeMemory();
		assertEquals(1, Configs.of(found, ConfigValidator.DOCTYPE).size());
		Diagnostic entity = only(found, ConfigValidator.ENTITY);
		assertRange(text, entity, "&lol9;\"/>", "&lol9;");
		assertEquals("", config.object("t").value(), "never expanded");
		assertTrue(after - before < 64L * 1024 * 1024, "memory stays low: " + (after - before));
	}

	@Test
	void malformedInputNeverThrowsAndKeepsWhatItCould() {
		LabelingConfig config = LabelingConfig.parse("<View><Text name=\"t\" value=\"$t\"><Labels name=\"l\" toName=\"t\">");
		assertFalse(config.parseDiagnostics().isEmpty());
		assertTrue(config.controlTargets("l", "t"));
		assertTrue(LabelingConfig.parse("").parseDiagnostics().get(0).message().contains("no root"));
		assertEquals(ConfigValidator.MALFORMED, LabelingConfig.parse("<View></view>").parseDiagnostics().get(0).code());
		assertTrue(LabelingConfig.parse("<View></view>").parseDiagnostics().get(0).message().contains("case-sensitive"));
	}

	@Test
	void readsAFile(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("labeling-config.xml");
		Files.writeString(file, Configs.NER);
		assertEquals(Set.of("DRUG", "DOSAGE"), LabelingConfig.read(file).valuesOf("label"));
		assertEquals(List.of(), new ConfigValidator().validate(file));
		assertThrows(java.io.IOException.class, () -> new ConfigValidator().validate(dir.resolve("missing.xml")));
	}
}
