package io.labelbench.server.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.PromptAnnotator.Span;
import io.labelbench.rules.engine.RuleException;

/** The built-in engine on the real MiniLM model of the Maven artifact (offline). */
class EmbeddingPromptAnnotatorTest {

	static final Prompt DRUG = new Prompt("drug", Prompt.Kind.ENTITY, "DRUG", Prompt.Engine.BUILTIN,
			"a medication or drug name", List.of("aspirin", "metformin", "ibuprofen"), List.of(), null, null, 0.4);
	static final Prompt PROBLEM = new Prompt("problem", Prompt.Kind.ENTITY, "PROBLEM", Prompt.Engine.BUILTIN,
			"a disease, symptom or finding", List.of("chest pain", "diabetes", "headache"), List.of("pain clinic"),
			null, null, 0.4);

	static MiniLm model;

	@BeforeAll
	static void load() throws Exception {
		model = MiniLm.shared();
	}

	private static List<String> found(List<Span> spans) {
		return spans.stream().map(s -> s.match().label() + ":" + s.match().text() + "[" + s.match().start() + ","
				+ s.match().end() + ")").toList();
	}

	@Test
	void entityPromptsFindTheirPhrasesAndACounterExampleLabelsNothing() throws Exception {
		EmbeddingPromptAnnotator engine = new EmbeddingPromptAnnotator(model, List.of(DRUG, PROBLEM));
		// the drug, with its strength where that phrase scores higher: one span, starting at the drug
		List<Span> drug = engine.entities("The patient takes warfarin 5 mg daily for atrial fibrillation.");
		assertEquals(1, drug.size(), found(drug).toString());
		assertEquals("DRUG", drug.get(0).match().label());
		assertEquals(18, drug.get(0).match().start());
		assertTrue(List.of("warfarin", "warfarin 5 mg").contains(drug.get(0).match().text()), found(drug).toString());
		// "pain" alone is close to "chest pain", but "pain clinic" is a counter-example: neither word is labelled
		List<Span> spans = engine.entities("She was referred to the pain clinic with severe headache and nausea.");
		assertEquals(List.of("PROBLEM:headache[48,56)", "PROBLEM:nausea[61,67)"), found(spans));
		assertEquals(1.0, spans.get(0).confidence(), 1e-3, "an example phrase is a perfect match");
		assertTrue(spans.get(1).confidence() >= 0.4 && spans.get(1).confidence() < 0.9, spans.get(1).toString());
		assertEquals("problem", spans.get(0).match().rule(), "a span names its prompt");
	}

	@Test
	void aHigherThresholdKeepsOnlyTheClosestPhrases() throws Exception {
		Prompt strict = new Prompt("drug", Prompt.Kind.ENTITY, "DRUG", Prompt.Engine.BUILTIN, DRUG.description(),
				DRUG.examples(), List.of(), null, null, 0.9);
		assertEquals(List.of("DRUG:aspirin[13,20)"), found(new EmbeddingPromptAnnotator(model, List.of(strict))
				.entities("He was given aspirin and warfarin.")));
	}

	@Test
	void offsetsAreExactWithEmojiCjkAndCrlf() throws Exception {
		String text = "😷 Patient took warfarin\r\nfor headache; 头痛 and 💊 ibuprofen.";
		List<Span> spans = new EmbeddingPromptAnnotator(model, List.of(DRUG, PROBLEM)).entities(text);
		List<String> found = found(spans);
		int warfarin = text.indexOf("warfarin");
		int headache = text.indexOf("headache");
		int ibuprofen = text.indexOf("ibuprofen");
		assertEquals(List.of("DRUG:warfarin[" + warfarin + "," + (warfarin + 8) + ")",
				"PROBLEM:headache[" + headache + "," + (headache + 8) + ")",
				"DRUG:ibuprofen[" + ibuprofen + "," + (ibuprofen + 9) + ")"),
				found.stream().filter(s -> !s.contains("头") && !s.contains("痛")).toList());
		for (Span s : spans) {
			assertEquals(text.substring(s.match().start(), s.match().end()), s.match().text());
		}
		for (int i = 1; i < spans.size(); i++) {
			assertTrue(spans.get(i - 1).match().end() <= spans.get(i).match().start(), "no overlaps: " + found);
		}
	}

	@Test
	void aPhraseWrappedOntoTheNextLineIsFoundWholeButNotAcrossABlankLine() throws Exception {
		EmbeddingPromptAnnotator engine = new EmbeddingPromptAnnotator(model, List.of(DRUG, PROBLEM));
		for (String lineBreak : List.of("\n", "\r\n")) {
			String text = "The patient reports chest" + lineBreak + "pain since Monday.";
			assertEquals(List.of("PROBLEM:chest" + lineBreak + "pain[20," + (24 + lineBreak.length() + 5) + ")"),
					found(engine.entities(text)), "a line break inside the phrase");
		}
		for (Span s : engine.entities("The patient reports chest\n\npain since Monday.")) {
			assertTrue(!s.match().text().contains("\n"), "a blank line ends the phrase: " + s);
		}
	}

	@Test
	void phrasesNeitherSpanAClauseWordNorStartWithADeterminer() throws Exception {
		Prompt treatment = new Prompt("treatment", Prompt.Kind.ENTITY, "TREATMENT", Prompt.Engine.BUILTIN,
				"a medication, drug, therapy or surgery given to treat the patient", List.of("aspirin",
						"physical therapy"), List.of(), null, null, 0.3);
		Prompt problem = new Prompt("problem", Prompt.Kind.ENTITY, "PROBLEM", Prompt.Engine.BUILTIN,
				"a disease, symptom, injury or medical problem", List.of(), List.of(), null, null, 0.3);
		String text = "Will start prednisone if needed, although he denies any epistaxis or melena and confusion.";
		List<String> found = found(new EmbeddingPromptAnnotator(model, List.of(treatment, problem)).entities(text));
		assertTrue(found.contains("TREATMENT:prednisone[11,21)"), "not 'prednisone if needed': " + found);
		for (String s : found) {
			assertTrue(!s.contains(" if ") && !s.contains(" and ") && !s.contains(" or ") && !s.contains(":any "),
					"no clause word inside, no determiner first: " + found);
		}
	}

	@Test
	void classificationPromptsByDocumentSimilarity() throws Exception {
		Prompt cardiology = new Prompt("cardiology", Prompt.Kind.CLASSIFICATION, "Cardiology", Prompt.Engine.BUILTIN,
				"a note about the heart or blood vessels", List.of(), List.of(), null, null, 0.3);
		Prompt finance = new Prompt("finance", Prompt.Kind.CLASSIFICATION, "Finance", Prompt.Engine.BUILTIN,
				"a text about money, banks, loans or stock markets", List.of(), List.of(), null, null, 0.3);
		EmbeddingPromptAnnotator engine = new EmbeddingPromptAnnotator(model, List.of(cardiology, finance));
		assertEquals(List.of("Cardiology"), engine.classify(
				"Echocardiogram shows reduced ejection fraction and mitral regurgitation.").stream()
				.map(c -> c.choice()).toList());
		assertEquals(List.of("Finance"), engine.classify(
				"The bank raised interest rates on loans; shares fell on the stock market.").stream()
				.map(c -> c.choice()).toList());
		assertEquals(List.of(), engine.classify("   "));
		String longNote = ("Echocardiogram shows reduced ejection fraction and mitral regurgitation. The patient has"
				+ " atrial fibrillation and takes warfarin. Blood pressure was 150/90 and the heart rate irregular. Cardiac"
				+ " catheterization is planned next week. ").repeat(8);
		assertEquals("Cardiology", engine.classify(longNote).get(0).choice(), "a long text is classified by its pieces");
	}

	@Test
	void relationAndLlmPromptsAreNotForTheBuiltInEngine() {
		Prompt relation = new Prompt("dose", Prompt.Kind.RELATION, "DRUG-DOSAGE", Prompt.Engine.LLM, "amount",
				List.of(), List.of(), "DRUG", "DOSAGE", 0.5);
		RuleException e = assertThrows(RuleException.class,
				() -> new EmbeddingPromptAnnotator(model, List.of(relation)));
		assertTrue(e.getMessage().startsWith("prompt 'dose': the built-in engine runs entity and classification"),
				e.getMessage());
	}
}
