package io.labelbench.server.data;

import java.util.ArrayList;
import java.util.List;

import io.labelbench.server.data.NerCorpus.Sample;
import io.labelbench.server.data.NerCorpus.SentenceBuilder;
import io.labelbench.server.data.NerCorpus.Variant;

/**
 * Seeded synthetic clinical sentences with 3 entity types, PROBLEM, TEST and TREATMENT, each with its assertion
 * status: present, absent ("no", "denies", "without", "negative for", "… was ruled out"), possible ("may",
 * "suspected", "rule out"), hypothetical ("if … develops", "should … occur"), conditional ("when climbing stairs",
 * "on exertion") or associated_with_someone_else ("mother has …", "family history of …"). A sentence has one to
 * three clauses of different statuses, joined by "but", "however", ";" or "and" with a new cue, and a clause may
 * list several entities under one cue.
 * <p>
 * {@link Variant#HELDOUT} uses other clause frames, sentence leads and joins, and entity names that never occur
 * in training. All cues are phrased in English clinical style; the word lists were written for this generator.
 */
public final class ClinicalGenerator extends NerCorpus.TemplateGenerator {

	public static final List<String> LABELS = List.of("PROBLEM", "TEST", "TREATMENT");
	public static final List<String> STATUSES = List.of("present", "absent", "possible", "hypothetical",
			"conditional", "associated_with_someone_else");

	/** A sentence and the assertion status of each of its spans (same order). */
	public record AssertedSample(Sample sample, List<String> statuses) {
	}

	private static final String[] PROBLEM_TRAIN = { "chest pain", "fever", "shortness of breath", "cough", "nausea",
			"headache", "diabetes", "hypertension", "asthma", "pneumonia", "abdominal pain", "dizziness", "rash",
			"back pain", "anemia", "urinary tract infection", "migraine", "seizures", "vomiting", "edema",
			"palpitations", "fatigue", "heart failure", "stroke", "depression", "anxiety", "kidney stones", "COPD",
			"weight loss", "chills", "syncope", "wheezing", "jaundice", "sepsis", "atrial fibrillation",
			"deep vein thrombosis", "breast cancer", "colon cancer", "arthritis", "gout", "joint pain", "diarrhea",
			"sore throat", "leg swelling", "blurred vision" };
	private static final String[] PROBLEM_HELDOUT = { "pancreatitis", "cellulitis", "hematuria", "vertigo",
			"dysphagia", "pleural effusion", "bronchitis", "hypothyroidism", "night sweats", "melena", "glaucoma",
			"lymphoma", "sinusitis", "tachycardia", "confusion", "neck stiffness", "ankle swelling", "prostate cancer",
			"epistaxis", "insomnia" };
	private static final String[] TEST_TRAIN = { "chest X-ray", "CT scan", "MRI", "blood culture", "urinalysis",
			"ECG", "echocardiogram", "complete blood count", "troponin", "lipid panel", "colonoscopy", "biopsy",
			"ultrasound", "stress test", "HbA1c", "liver function tests", "INR", "blood glucose", "mammogram",
			"PET scan" };
	private static final String[] TEST_HELDOUT = { "CT angiogram", "D-dimer", "lumbar puncture", "thyroid panel",
			"spirometry", "Holter monitor", "bone scan", "endoscopy", "sputum culture", "BNP" };
	private static final String[] TREATMENT_TRAIN = { "aspirin", "insulin", "chemotherapy", "physical therapy",
			"antibiotics", "surgery", "metoprolol", "oxygen", "dialysis", "steroids", "inhaler", "radiation therapy",
			"lisinopril", "warfarin", "ibuprofen", "appendectomy", "blood transfusion", "nitroglycerin", "heparin",
			"morphine", "IV fluids" };
	private static final String[] TREATMENT_HELDOUT = { "cardiac catheterization", "amoxicillin", "prednisone",
			"CPAP", "knee replacement", "furosemide", "cognitive behavioral therapy", "stent placement", "vancomycin",
			"pacemaker" };

	/*
	 * Clause frames: "STATUS|LABELS|words", E stands for the entity list, S for the subject. LABELS are the entity
	 * kinds the frame takes (P problem, T test, R treatment).
	 */
	private static final String[] CLAUSES_TRAIN = {
			"present|P|S reports E", "present|P|S complains of E", "present|P|S presents with E", "present|P|S has E",
			"present|P|E noted on exam", "present|P|positive for E", "present|P|S was diagnosed with E",
			"present|P|E confirmed", "present|T|E showed abnormal findings", "present|T|E was performed",
			"present|T|S underwent E", "present|R|S was started on E", "present|R|S received E",
			"present|R|continue E", "present|P|S has a history of E", "present|P|known E",
			"present|T|E is elevated", "present|PT|E today", "present|P|S is known to have E",
			"present|P|S was noted to have E", "present|P|S continues to have E",
			"absent|P|S denies E", "absent|P|no E", "absent|P|S has no E", "absent|P|without E",
			"absent|P|negative for E", "absent|P|no evidence of E", "absent|P|E was ruled out",
			"absent|P|no signs of E", "absent|P|E is absent", "absent|T|E was not done", "absent|T|no E was ordered",
			"absent|R|S is not on E", "absent|R|S never received E", "absent|P|S does not have E",
			"absent|P|free of E", "absent|P|E was excluded",
			"possible|P|S may have E", "possible|P|suspected E", "possible|P|rule out E", "possible|P|possible E",
			"possible|P|E is likely", "possible|P|concern for E", "possible|P|questionable E",
			"possible|P|E cannot be excluded", "possible|P|probable E", "possible|P|findings suggest E",
			"possible|R|S may need E", "possible|P|differential includes E", "possible|P|E is suspected",
			"hypothetical|P|return if E develops", "hypothetical|P|should E occur, call the clinic",
			"hypothetical|P|call if S develops E", "hypothetical|P|in case of E, go to the emergency room",
			"hypothetical|P|watch for E", "hypothetical|R|start E if needed",
			"hypothetical|T|repeat E if symptoms worsen", "hypothetical|P|if E worsens, return",
			"hypothetical|P|S was told to report any E", "hypothetical|R|consider E if pain persists",
			"hypothetical|P|should S notice E, call the office",
			"conditional|P|E when climbing stairs", "conditional|P|E on exertion",
			"conditional|P|S gets E with exercise", "conditional|P|E after meals", "conditional|P|E when lying flat",
			"conditional|P|E only upon standing", "conditional|P|E whenever S walks",
			"conditional|P|S develops E in cold weather", "conditional|P|E triggered by exercise",
			"associated_with_someone_else|P|mother has E", "associated_with_someone_else|P|father had E",
			"associated_with_someone_else|P|family history of E",
			"associated_with_someone_else|P|sister was diagnosed with E",
			"associated_with_someone_else|P|brother with E", "associated_with_someone_else|P|grandmother died of E",
			"associated_with_someone_else|P|uncle has E", "associated_with_someone_else|R|mother takes E",
			"associated_with_someone_else|P|FH significant for E" };
	private static final String[] CLAUSES_HELDOUT = {
			"present|P|on exam, S has E", "present|T|E was obtained today", "present|R|S is currently receiving E",
			"present|P|S was found to have E", "present|P|S reports ongoing E",
			"absent|P|S denies any E", "absent|P|there is no E", "absent|P|exam is negative for E",
			"absent|P|E has been ruled out", "absent|T|E was not done yet", "absent|R|S has never received E",
			"absent|P|S reports no E",
			"possible|P|E is suspected clinically", "possible|P|likely E", "possible|P|S may be developing E",
			"possible|P|possible early E", "possible|P|we cannot rule out E",
			"hypothetical|P|if S develops E, return", "hypothetical|P|should S experience E, call",
			"hypothetical|R|will start E if needed", "hypothetical|P|in case E recurs, call us",
			"conditional|P|E only when climbing stairs", "conditional|P|E with any exertion",
			"conditional|P|S notes E after large meals", "conditional|P|E when walking on exertion",
			"associated_with_someone_else|P|her mother has E",
			"associated_with_someone_else|P|strong family history of E",
			"associated_with_someone_else|P|his father died of E",
			"associated_with_someone_else|P|two brothers with E" };
	private static final String[] SUBJECTS_TRAIN = { "patient", "he", "she", "the patient" };
	private static final String[] SUBJECTS_HELDOUT = { "the man", "the woman", "this patient" };
	private static final String[] LEADS_TRAIN = { "Today,", "On review,", "At this visit,", "Overall," };
	private static final String[] LEADS_HELDOUT = { "This morning,", "Per the daughter,", "On follow-up," };
	/** Joins between clauses; "and" only before a clause that brings its own cue. */
	private static final String[] JOINS_TRAIN = { ", but", "; however,", ";", ", though", ", and" };
	private static final String[] JOINS_HELDOUT = { "but", ", however,", ";", ", although", "and" };
	private static final String[] NO_ENTITY_TRAIN = { "Follow up in two weeks.", "Vital signs are stable.",
			"She lives alone and walks daily.", "Discussed the plan with the family." };
	private static final String[] NO_ENTITY_HELDOUT = { "The patient is alert and oriented.",
			"Return to clinic next month." };

	public ClinicalGenerator() {
		super("clinical", LABELS, Run::new);
	}

	/** The sentences of {@link #generate} together with their assertion statuses. */
	public List<AssertedSample> generateAsserted(long seed, int count, Variant variant) {
		Run run = new Run(seed, variant);
		List<AssertedSample> out = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Sample sample = run.next();
			out.add(new AssertedSample(sample, List.copyOf(run.statuses)));
		}
		return out;
	}

	private static final class Run extends NerCorpus.Run {
		private final List<String> statuses = new ArrayList<>();
		private final java.util.Set<String> names = new java.util.HashSet<>();

		Run(long seed, Variant variant) {
			super(seed, variant);
		}

		@Override
		protected Sample next() {
			statuses.clear();
			names.clear();
			if (roll(20) == 0) {
				return SentenceBuilder.plain(pick(training() ? NO_ENTITY_TRAIN : NO_ENTITY_HELDOUT));
			}
			SentenceBuilder b = new SentenceBuilder();
			boolean first = true;
			if (chance(0.2)) {
				o(b, pick(training() ? LEADS_TRAIN : LEADS_HELDOUT));
				first = false;
			}
			int clauses = chance(0.45) ? 1 : chance(0.8) ? 2 : 3;
			String previous = null;
			for (int c = 0; c < clauses; c++) {
				String[] frame;
				do {
					frame = pick(training() ? CLAUSES_TRAIN : CLAUSES_HELDOUT).split("\\|");
				} while (frame[0].equals(previous));
				if (c > 0) {
					o(b, pick(training() ? JOINS_TRAIN : JOINS_HELDOUT));
				}
				clause(b, frame, first);
				first = false;
				previous = frame[0];
			}
			return b.end();
		}

		private void clause(SentenceBuilder b, String[] frame, boolean capitalise) {
			String status = frame[0];
			String kinds = frame[1];
			boolean firstWord = capitalise;
			for (String word : frame[2].split(" ")) {
				boolean comma = word.endsWith(",");
				String w = comma ? word.substring(0, word.length() - 1) : word;
				if (w.equals("E")) {
					entities(b, status, kinds, firstWord);
				} else {
					String words = w.equals("S") ? pick(training() ? SUBJECTS_TRAIN : SUBJECTS_HELDOUT) : w;
					b.o(firstWord ? capital(words) : words);
				}
				if (comma) {
					b.o(",");
				}
				firstWord = false;
			}
		}

		/** Words outside entities; a comma written after a word is a token of its own. */
		private static void o(SentenceBuilder b, String words) {
			for (String w : words.split(" ")) {
				if (w.length() > 1 && w.endsWith(",")) {
					b.o(w.substring(0, w.length() - 1));
					b.o(",");
				} else {
					b.o(w);
				}
			}
		}

		/** One to three entities under one cue: "E", "E and E", "E, E or E". */
		private void entities(SentenceBuilder b, String status, String kinds, boolean capitalise) {
			int n = chance(0.65) ? 1 : chance(0.7) ? 2 : 3;
			String conjunction = status.equals("present") || status.equals("associated_with_someone_else")
					|| chance(0.5) ? "and" : "or";
			for (int i = 0; i < n; i++) {
				if (i > 0) {
					b.o(i == n - 1 ? conjunction : ",");
				}
				char kind = kinds.charAt(roll(kinds.length()));
				String label = kind == 'P' ? "PROBLEM" : kind == 'T' ? "TEST" : "TREATMENT";
				String name = name(kind);
				b.entity(capitalise && i == 0 ? capital(name) : name, label);
				statuses.add(status);
			}
		}

		/** A name not yet used in the sentence. */
		private String name(char kind) {
			String name;
			do {
				name = anyName(kind);
			} while (!names.add(name));
			return name;
		}

		private String anyName(char kind) {
			return switch (kind) {
			case 'P' -> pick(training() ? PROBLEM_TRAIN : PROBLEM_HELDOUT);
			case 'T' -> pick(training() ? TEST_TRAIN : TEST_HELDOUT);
			default -> pick(training() ? TREATMENT_TRAIN : TREATMENT_HELDOUT);
			};
		}

		private static String capital(String w) {
			return Character.isUpperCase(w.charAt(0)) ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
		}
	}
}
